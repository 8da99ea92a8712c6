import { Alert, Spin } from 'antd';
import { type Ref, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormData, FormSchema } from '@/lib/form-schema';

export interface FormJsSubmitResult {
  data: FormData;
  /** form-js validation result: field id → messages. Empty when the form is valid. */
  errors: Record<string, string[]>;
}

export interface FormJsHandle {
  /** Runs form-js validation and emits onSubmit, exactly as the form's own submit button would. */
  submit(): void;
}

export interface FormJsViewerProps {
  schema: FormSchema;
  data?: FormData;
  disabled?: boolean;
  onSubmit: (result: FormJsSubmitResult) => void;
  ref?: Ref<FormJsHandle>;
}

/** What we use of form-js' Form; declared here so its loose typings stay out of the app. */
interface FormInstance {
  on(event: 'submit', handler: (result: FormJsSubmitResult) => void): void;
  importSchema(schema: FormSchema, data?: FormData): Promise<unknown>;
  setProperty(property: 'disabled' | 'readOnly', value: boolean): void;
  submit(): FormJsSubmitResult;
  destroy(): void;
}

/**
 * Renders a Camunda Form with the form-js viewer. form-js is loaded on demand (it is large and
 * only task and start pages need it), and this wrapper is the only place that touches it, so unit
 * tests can replace it with vi.mock.
 */
export function FormJsViewer({ schema, data, disabled = false, onSubmit, ref }: FormJsViewerProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<FormInstance | undefined>(undefined);
  const onSubmitRef = useRef(onSubmit);
  const disabledRef = useRef(disabled);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');

  useLayoutEffect(() => {
    onSubmitRef.current = onSubmit;
    disabledRef.current = disabled;
  });

  useImperativeHandle(ref, () => ({
    submit() {
      const form = formRef.current;
      // form-js throws on submit() while disabled; the UI never offers submit then anyway.
      if (form && !disabledRef.current) form.submit();
    },
  }));

  // Re-import only when schema or initial data change: a re-import wipes what the user typed,
  // so callers keep both stable (react-query's structural sharing does that for fetched data).
  useEffect(() => {
    let disposed = false;
    let form: FormInstance | undefined;
    setStatus('loading');
    import('./formJsRuntime')
      .then(async ({ Form, localizedValidationModule }) => {
        if (disposed || !containerRef.current) return;
        form = new Form({
          container: containerRef.current,
          additionalModules: [localizedValidationModule],
        }) as unknown as FormInstance;
        form.on('submit', (result) => onSubmitRef.current({ data: result.data, errors: result.errors ?? {} }));
        await form.importSchema(schema, data);
        if (disposed) return;
        form.setProperty('disabled', disabledRef.current);
        formRef.current = form;
        setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('form-js failed to render the form', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      formRef.current = undefined;
      form?.destroy();
    };
  }, [schema, data]);

  // What form-js currently has applied (not just what was asked), so e2e tests can wait for it.
  const [appliedDisabled, setAppliedDisabled] = useState<boolean>();
  useEffect(() => {
    if (status !== 'ready') return;
    formRef.current?.setProperty('disabled', disabled);
    setAppliedDisabled(disabled);
  }, [disabled, status]);

  return (
    <div
      className="gf-form-js"
      data-testid="form-js"
      data-state={status}
      data-disabled={appliedDisabled === undefined ? undefined : String(appliedDisabled)}
    >
      {status === 'loading' && <Spin />}
      {status === 'error' && <Alert type="error" showIcon title={t('form.renderFailed')} />}
      <div ref={containerRef} />
    </div>
  );
}
