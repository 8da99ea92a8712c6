export interface FieldError {
  field: string;
  message: string;
}

/** The server's error body (see docs/app-api.md "Errors"); every member may be missing on foreign errors. */
export interface ErrorBody {
  status?: number;
  code?: string;
  message?: string;
  fieldErrors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  /** The parsed error body as sent, for endpoints whose errors carry more than ErrorBody (e.g. model problems). */
  readonly body: unknown;

  constructor(status: number, message: string, code?: string, fieldErrors: FieldError[] = [], body?: unknown) {
    super(message);
    this.body = body;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === 'string' && typeof v.message === 'string';
}

/** Narrows an unknown JSON value to the parts of ErrorBody that are actually well-formed. */
export function toErrorBody(json: unknown): ErrorBody {
  if (typeof json !== 'object' || json === null) return {};
  const v = json as Record<string, unknown>;
  return {
    status: typeof v.status === 'number' ? v.status : undefined,
    code: typeof v.code === 'string' ? v.code : undefined,
    message: typeof v.message === 'string' && v.message.trim() !== '' ? v.message : undefined,
    fieldErrors: Array.isArray(v.fieldErrors) ? v.fieldErrors.filter(isFieldError) : undefined,
  };
}
