import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { addMarkers, useBpmnViewer } from './useBpmnViewer';

export interface BpmnDiagramProps {
  xml: string;
  activeIds?: string[];
  completedIds?: string[];
  height?: number | string;
}

export const ACTIVE_MARKER = 'gf-active';
export const COMPLETED_MARKER = 'gf-completed';

/**
 * Read-only process diagram with the current position highlighted. bpmn-js is loaded on demand
 * and touched only here, so unit tests can vi.mock this component.
 */
export function BpmnDiagram({ xml, activeIds = [], completedIds = [], height = 480 }: BpmnDiagramProps) {
  const { t } = useTranslation();
  const { containerRef, status } = useBpmnViewer(xml, `${activeIds.join('|')}#${completedIds.join('|')}`, (viewer) => {
    addMarkers(viewer, completedIds, COMPLETED_MARKER);
    addMarkers(viewer, activeIds, ACTIVE_MARKER);
  });

  return (
    <div className="gf-bpmn" data-testid="bpmn-diagram" data-state={status}>
      {status === 'loading' && <Spin className="gf-bpmn-spin" />}
      {status === 'error' && <Alert type="error" showIcon title={t('diagram.renderFailed')} />}
      <div ref={containerRef} className="gf-bpmn-canvas" style={{ height }} />
    </div>
  );
}
