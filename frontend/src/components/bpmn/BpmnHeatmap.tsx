import { Alert, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CanvasService, type ElementRegistryService, useBpmnViewer } from './useBpmnViewer';
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

interface OverlaysService {
  add(elementId: string, overlay: { position: { top?: number; right?: number; bottom?: number; left?: number }; html: HTMLElement }): string;
}
interface EventBusService {
  on(event: string, callback: (e: { element: { id: string } }) => void): void;
}

/**
 * A read-only diagram with a figure on every activity (bpmn-js overlays) and the shapes tinted by heat;
 * clicking an activity (or its badge) selects it. bpmn-js is loaded on demand, like {@link BpmnDiagram}.
 */
export function BpmnHeatmap({ xml, cells, selectedId, onSelect, height = 520 }: BpmnHeatmapProps) {
  const { t } = useTranslation();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const cellsKey = JSON.stringify(cells);
  const { containerRef, status } = useBpmnViewer(xml, cellsKey, (viewer) => {
    const canvas = viewer.get<CanvasService>('canvas');
    const overlays = viewer.get<OverlaysService>('overlays');
    const registry = viewer.get<ElementRegistryService>('elementRegistry');
    for (const [id, cell] of Object.entries(cells)) {
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
      if (cells[e.element.id]) onSelectRef.current?.(e.element.id);
    });
  });

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
