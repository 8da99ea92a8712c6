import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface BpmnDiagramProps {
  xml: string;
  activeIds?: string[];
  completedIds?: string[];
  height?: number | string;
}

/** The bpmn-js services we call, typed locally to keep diagram-js' generics out of the app. */
interface CanvasService {
  zoom(level: 'fit-viewport', center?: 'auto'): number;
  addMarker(elementId: string, marker: string): void;
}
interface ElementRegistryService {
  get(id: string): unknown;
}
interface ViewerInstance {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  get<T>(service: string): T;
  destroy(): void;
}

export const ACTIVE_MARKER = 'gf-active';
export const COMPLETED_MARKER = 'gf-completed';

/**
 * Read-only process diagram with the current position highlighted. bpmn-js is loaded on demand
 * and touched only here, so unit tests can vi.mock this component.
 */
export function BpmnDiagram({ xml, activeIds = [], completedIds = [], height = 480 }: BpmnDiagramProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  // Arrays from a query are new objects on every refetch; compare by content to avoid re-rendering the canvas.
  const activeKey = activeIds.join('|');
  const completedKey = completedIds.join('|');

  useEffect(() => {
    let disposed = false;
    let viewer: ViewerInstance | undefined;
    setStatus('loading');
    import('./bpmnRuntime')
      .then(async ({ NavigatedViewer }) => {
        if (disposed || !containerRef.current) return;
        viewer = new NavigatedViewer({ container: containerRef.current }) as unknown as ViewerInstance;
        await viewer.importXML(xml);
        if (disposed) return;
        const canvas = viewer.get<CanvasService>('canvas');
        const registry = viewer.get<ElementRegistryService>('elementRegistry');
        const mark = (ids: string, marker: string) => {
          for (const id of ids ? ids.split('|') : []) {
            // Ids of elements that are not drawn (e.g. a process id) would make addMarker throw.
            if (registry.get(id)) canvas.addMarker(id, marker);
          }
        };
        mark(completedKey, COMPLETED_MARKER);
        mark(activeKey, ACTIVE_MARKER);
        canvas.zoom('fit-viewport', 'auto');
        setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('bpmn-js failed to render the diagram', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      viewer?.destroy();
    };
  }, [xml, activeKey, completedKey]);

  return (
    <div className="gf-bpmn" data-testid="bpmn-diagram" data-state={status}>
      {status === 'loading' && <Spin className="gf-bpmn-spin" />}
      {status === 'error' && <Alert type="error" showIcon title={t('diagram.renderFailed')} />}
      <div ref={containerRef} className="gf-bpmn-canvas" style={{ height }} />
    </div>
  );
}
