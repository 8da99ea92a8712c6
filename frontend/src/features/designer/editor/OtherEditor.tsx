import { Alert, Spin } from 'antd';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dmnTranslation, translateDom, translateModule } from './translations';
import type { EditorHandle } from './types';
import './editor.css';

interface DmnInstance {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  getViews(): { type: string }[];
  open(view: unknown): Promise<unknown>;
  on(event: string, callback: () => void): void;
  destroy(): void;
}
interface FormEditorInstance {
  importSchema(schema: unknown): Promise<unknown>;
  saveSchema(): unknown;
  on(event: string, callback: () => void): void;
  destroy(): void;
}

export interface OtherEditorProps {
  kind: 'DECISION' | 'FORM';
  content: string;
  language: string;
  onChange: () => void;
  ref?: Ref<EditorHandle>;
}

/** dmn-js (decision tables) or the form-js editor (Camunda Forms). */
export function OtherEditor({ kind, content, language, onChange, ref }: OtherEditorProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const dmn = useRef<DmnInstance | undefined>(undefined);
  const form = useRef<FormEditorInstance | undefined>(undefined);
  const stopTranslating = useRef<() => void>(() => undefined);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');

  useImperativeHandle(ref, () => ({
    async getContent() {
      if (dmn.current) return (await dmn.current.saveXML({ format: true })).xml ?? '';
      return form.current ? JSON.stringify(form.current.saveSchema(), null, 2) : '';
    },
  }));

  useEffect(() => {
    let disposed = false;
    import('./otherEditorsRuntime')
      .then(async ({ DmnModeler, FormEditor }) => {
        if (disposed || !container.current) return;
        if (kind === 'DECISION') {
          const modeler = new DmnModeler({ container: container.current, ...dmnTranslation(language) }) as DmnInstance;
          dmn.current = modeler;
          await modeler.importXML(content);
          // Designers edit the rules: open the first decision table rather than the requirements diagram.
          const table = modeler.getViews().find((v) => v.type === 'decisionTable');
          if (table) await modeler.open(table);
          modeler.on('elements.changed', () => changed.current());
        } else {
          // form-js has a translate service for a few strings only; its other labels are translated in the DOM
          stopTranslating.current = translateDom(container.current, language);
          const editor = new FormEditor({
            container: container.current,
            additionalModules: [translateModule(language)],
          }) as unknown as FormEditorInstance;
          form.current = editor;
          await editor.importSchema(JSON.parse(content));
          editor.on('changed', () => changed.current());
        }
        if (!disposed) setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('editor failed', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      stopTranslating.current();
      dmn.current?.destroy();
      form.current?.destroy();
      dmn.current = undefined;
      form.current = undefined;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="gf-other-editor" data-testid={kind === 'DECISION' ? 'dmn-modeler' : 'form-editor'} data-state={status}>
      {status === 'loading' && <Spin />}
      {status === 'error' && <Alert type="error" showIcon title={t('designer.editor.failed')} />}
      <div ref={container} style={{ minHeight: 460 }} />
    </div>
  );
}
