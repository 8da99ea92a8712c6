import { Alert, Spin } from 'antd';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridFlowRuleConfig } from '../lint/rules';
import { translateModule } from './translations';
import type { EditorHandle, LintIssue } from './types';
import './editor.css';

interface Service {
  on(event: string, callback: (event: never) => void): void;
}
interface ModelerInstance {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  get<T>(name: string): T;
  destroy(): void;
}

export interface BpmnEditorProps {
  xml: string;
  lintContext: GridFlowRuleConfig;
  language: string;
  onLint: (issues: LintIssue[]) => void;
  onChange: () => void;
  ref?: Ref<EditorHandle>;
}

/**
 * bpmn-js modeler with the Camunda 7 properties panel, GridFlow's lint rules shown at the elements, and token
 * simulation. Created once per model; the page re-mounts it (key) to load another.
 */
export function BpmnEditor({ xml, lintContext, language, onLint, onChange, ref }: BpmnEditorProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<ModelerInstance | undefined>(undefined);
  const callbacks = useRef({ onLint, onChange });
  callbacks.current = { onLint, onChange };
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');

  useImperativeHandle(ref, () => ({
    async getContent() {
      const result = await modelerRef.current?.saveXML({ format: true });
      return result?.xml ?? '';
    },
    reveal(elementId: string) {
      const modeler = modelerRef.current;
      if (!modeler) return;
      const element = modeler.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
      if (!element) return;
      modeler.get<{ select(e: unknown): void }>('selection').select(element);
      modeler.get<{ scrollToElement(e: unknown): void }>('canvas').scrollToElement(element);
    },
  }));

  useEffect(() => {
    let disposed = false;
    import('./bpmnEditorRuntime')
      .then(async (runtime) => {
        if (disposed || !canvasRef.current || !panelRef.current) return;
        const modeler = new runtime.Modeler({
          container: canvasRef.current,
          propertiesPanel: { parent: panelRef.current },
          additionalModules: [
            runtime.BpmnPropertiesPanelModule,
            runtime.BpmnPropertiesProviderModule,
            runtime.CamundaPlatformPropertiesProviderModule,
            runtime.lintModule,
            runtime.tokenSimulationModule,
            translateModule(language),
          ],
          moddleExtensions: { camunda: runtime.camundaModdle },
          linting: { bpmnlint: runtime.bpmnlintOption(lintContext), active: true },
        }) as ModelerInstance;
        modelerRef.current = modeler;
        const eventBus = modeler.get<Service>('eventBus');
        eventBus.on('linting.completed', (event: { issues: Record<string, LintIssue[]> }) => {
          callbacks.current.onLint(Object.values(event.issues).flat());
        });
        eventBus.on('commandStack.changed', () => callbacks.current.onChange());
        await modeler.importXML(xml);
        if (disposed) return;
        modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
        setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('bpmn-js modeler failed', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      modelerRef.current?.destroy();
      modelerRef.current = undefined;
    };
    // The modeler is built once per mount; the page re-mounts it for another model or language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="gf-modeler" data-testid="bpmn-modeler" data-state={status}>
      {status === 'loading' && <Spin className="gf-modeler-spin" />}
      {status === 'error' && <Alert type="error" showIcon title={t('designer.editor.failed')} />}
      <div ref={canvasRef} className="gf-modeler-canvas" />
      <div ref={panelRef} className="gf-modeler-panel" data-testid="properties-panel" />
    </div>
  );
}
