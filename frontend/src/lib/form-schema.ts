/**
 * The slice of a form-js schema the app itself reads. form-js owns the rest, so every other
 * member stays opaque (`unknown`) and is passed through untouched.
 */
export interface FormComponent {
  id?: string;
  key?: string;
  type?: string;
  label?: string;
  action?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

export interface FormSchema {
  id?: string;
  type?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

export type FormData = Record<string, unknown>;

/** A form as served by the API: the schema plus initial values (and option lists referenced by `valuesKey`). */
export interface FormPayload {
  schema: FormSchema;
  data?: FormData;
}

function* walk(components: FormComponent[] | undefined): Generator<FormComponent> {
  for (const c of components ?? []) {
    yield c;
    yield* walk(c.components);
  }
}

/** Modeler forms usually have no submit button (Tasklist adds its own); then the app renders one. */
export function hasSubmitButton(schema: FormSchema): boolean {
  for (const c of walk(schema.components)) {
    if (c.type === 'button' && (c.action ?? 'submit') === 'submit') return true;
  }
  return false;
}

export function fieldLabel(schema: FormSchema | undefined, key: string): string | undefined {
  if (!schema) return undefined;
  for (const c of walk(schema.components)) {
    if (c.key === key && typeof c.label === 'string' && c.label.trim()) return c.label;
  }
  return undefined;
}
