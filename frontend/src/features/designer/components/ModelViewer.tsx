import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BpmnDiagram } from '@/components/bpmn/BpmnDiagram';
import type { ModelKind } from '../api/designer';

interface ViewerInstance {
  destroy(): void;
}

/** Read-only view of one deployed version: the diagram, the decision table or the form. */
export function ModelViewer({ kind, content }: { kind: ModelKind; content: string }) {
  if (kind === 'PROCESS') return <BpmnDiagram xml={content} height={520} />;
  return <OtherViewer kind={kind} content={content} />;
}

function OtherViewer({ kind, content }: { kind: Exclude<ModelKind, 'PROCESS'>; content: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    let disposed = false;
    let viewer: ViewerInstance | undefined;
    setStatus('loading');
    import('../editor/viewersRuntime')
      .then(async ({ DmnViewer, Form }) => {
        if (disposed || !ref.current) return;
        if (kind === 'DECISION') {
          const dmn = new DmnViewer({ container: ref.current }) as unknown as ViewerInstance & {
            importXML(xml: string): Promise<unknown>;
          };
          viewer = dmn;
          await dmn.importXML(content);
        } else {
          const form = new Form({ container: ref.current });
          viewer = form;
          await form.importSchema(JSON.parse(content) as never);
          form.setProperty('readOnly', true);
        }
        if (!disposed) setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('viewer failed', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      viewer?.destroy();
    };
  }, [kind, content]);

  return (
    <div className="gf-designer-viewer" data-testid="model-viewer" data-state={status}>
      {status === 'loading' && <Spin />}
      {status === 'error' && <Alert type="error" showIcon title={t('designer.viewer.failed')} />}
      <div ref={ref} style={{ minHeight: 300 }} />
    </div>
  );
}
