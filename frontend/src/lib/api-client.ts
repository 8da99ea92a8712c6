import { ApiError, toErrorBody } from './api-error';
import i18n, { currentLanguage } from './i18n';

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
const CSRF_ENDPOINT = '/api/auth/csrf';
const LOGIN_ENDPOINT = '/api/auth/login';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** One page of a server-side paged list, as every GridFlow list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

export interface CsrfToken {
  token: string;
  headerName: string;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | undefined;

/** The app shell registers this so an expired session anywhere sends the user back to the login page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | undefined): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [rawKey, ...rest] = part.trim().split('=');
    if (rawKey === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Empty filter inputs mean "no constraint", not "match the empty string".
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

let csrfInFlight: Promise<string | undefined> | undefined;

/**
 * Asks the server for a CSRF token. The server also sets the cookie; we prefer the cookie
 * (that is what the contract says to echo) and fall back to the body when cookies are unreadable.
 */
export function refreshCsrfToken(): Promise<string | undefined> {
  csrfInFlight ??= (async () => {
    try {
      const res = await fetch(CSRF_ENDPOINT, {
        method: 'GET',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (!res.ok) return readCookie(CSRF_COOKIE);
      const body = (await res.json().catch(() => undefined)) as Partial<CsrfToken> | undefined;
      return readCookie(CSRF_COOKIE) ?? body?.token;
    } catch {
      return readCookie(CSRF_COOKIE);
    } finally {
      csrfInFlight = undefined;
    }
  })();
  return csrfInFlight;
}

function defaultMessage(status: number): string {
  const key = `errors.http.${status}`;
  return i18n.exists(key) ? i18n.t(key) : i18n.t('errors.http.other', { status });
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const body = toErrorBody(json);
  return new ApiError(res.status, body.message ?? defaultMessage(res.status), body.code, body.fieldErrors ?? [], json);
}

async function parseBody<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(res.status, i18n.t('errors.badResponse'), 'BAD_RESPONSE');
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const mutating = method !== 'GET';
  const url = buildUrl(path, options.query);

  const send = (csrf: string | undefined): Promise<Response> => {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': currentLanguage(),
      // Tells Spring Security to answer 401 without a Basic-auth challenge (no browser popup).
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (mutating && csrf) headers[CSRF_HEADER] = csrf;
    return fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  };

  let res: Response;
  try {
    let csrf = mutating ? (readCookie(CSRF_COOKIE) ?? (await refreshCsrfToken())) : undefined;
    res = await send(csrf);
    // Spring rotates the token at login/logout; a stale one yields 403. Retry once with a fresh token
    // (the rejected request was not executed, so repeating it is safe).
    if (mutating && res.status === 403) {
      const fresh = await refreshCsrfToken();
      if (fresh && fresh !== csrf) {
        csrf = fresh;
        res = await send(csrf);
      }
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, i18n.t('errors.network'), 'NETWORK');
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && path !== LOGIN_ENDPOINT) onUnauthorized?.();
    throw error;
  }
  return parseBody<T>(res);
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T = void>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
