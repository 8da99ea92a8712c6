import { Alert, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './BpmnHeatmap.css';

/** What an activity shows: a badge text and a heat level 0..4 (colour of the shape). */
export interface HeatCell {
  label: string;
  title?: string;
  level: number;
  /** Instances waiting here now: the badge is clickable only then. */
  waiting: number;
}

export interface BpmnHeatmapProps {
  xml: string;
  cells: Record<string, HeatCell>;
  selectedId?: string;
  onSelect?: (activityId: string) => void;
  height?: number | string;
}

interface CanvasService {
  zoom(level: 'fit-viewport', center?: 'auto'): number;
  addMarker(elementId: string, marker: string): void;
}
interface OverlaysService {
  add(elementId: string, overlay: { position: { top?: number; right?: number; bottom?: number; left?: number }; html: HTMLElement }): string;
}
interface ElementRegistryService {
  get(id: string): unknown;
}
interface EventBusService {
  on(event: string, callback: (e: { element: { id: string } }) => void): void;
}
interface ViewerInstance {
  importXML(xml: string): Promise<{ warnings: unknown[] }>;
  get<T>(service: string): T;
  destroy(): void;
}

/**
 * A read-only diagram with a figure on every activity (bpmn-js overlays) and the shapes tinted by heat;
 * clicking an activity (or its badge) selects it. bpmn-js is loaded on demand, like {@link BpmnDiagram}.
 */
export function BpmnHeatmap({ xml, cells, selectedId, onSelect, height = 520 }: BpmnHeatmapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const cellsKey = JSON.stringify(cells);

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
        const overlays = viewer.get<OverlaysService>('overlays');
        const registry = viewer.get<ElementRegistryService>('elementRegistry');
        const parsed = JSON.parse(cellsKey) as Record<string, HeatCell>;
        for (const [id, cell] of Object.entries(parsed)) {
          if (!registry.get(id)) continue;
          canvas.addMarker(id, `gf-heat-${Math.max(0, Math.min(4, cell.level))}`);
          const badge = document.createElement('div');
          badge.className = cell.waiting > 0 ? 'gf-heat-badge gf-heat-badge-waiting' : 'gf-heat-badge';
          badge.textContent = cell.label;
          badge.title = cell.title ?? cell.label;
          badge.setAttribute('data-testid', `heat-${id}`);
          badge.addEventListener('click', (event) => {
            event.stopPropagation();
            onSelectRef.current?.(id);
          });
          overlays.add(id, { position: { bottom: -6, right: 10 }, html: badge });
        }
        viewer.get<EventBusService>('eventBus').on('element.click', (e) => {
          if (parsed[e.element.id]) onSelectRef.current?.(e.element.id);
        });
        canvas.zoom('fit-viewport', 'auto');
        setStatus('ready');
      })
      .catch((error: unknown) => {
        console.error('bpmn-js failed to render the heat map', error);
        if (!disposed) setStatus('error');
      });
    return () => {
      disposed = true;
      viewer?.destroy();
    };
  }, [xml, cellsKey]);

  useEffect(() => {
    const root = containerRef.current;
    if (!root || status !== 'ready') return;
    root.querySelectorAll('.gf-heat-badge-selected').forEach((el) => el.classList.remove('gf-heat-badge-selected'));
    if (selectedId) root.querySelector(`[data-testid="heat-${CSS.escape(selectedId)}"]`)?.classList.add('gf-heat-badge-selected');
  }, [selectedId, status]);

  return (
    <div className="gf-bpmn" data-testid="bpmn-heatmap" data-state={status}>
      {status === 'loading' && <Spin className="gf-bpmn-spin" />}
      {status === 'error' && <Alert type="error" showIcon title={t('diagram.renderFailed')} />}
      <div ref={containerRef} className="gf-bpmn-canvas" style={{ height }} />
    </div>
  );
}
