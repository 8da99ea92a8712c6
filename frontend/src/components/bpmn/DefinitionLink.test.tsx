import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StartPage } from '@/features/start/components/StartPage';
import { TaskDiagramTab } from '@/features/tasks/components/TaskDiagramTab';
import { routes as designerRoutes } from '@/features/designer/routes';
import { mockFetch, renderRoutes } from '@/test/utils';

vi.mock('@/components/bpmn/BpmnDiagram', () => ({ BpmnDiagram: () => <div data-testid="bpmn-diagram" /> }));

const versions = [2, 1].map((version) => ({
  kind: 'PROCESS', key: 'grid-event', name: '网格事件处置', id: `grid-event:${version}:x`, version, deploymentId: `d${version}`,
  resourceName: 'grid-event.bpmn', deployedBy: null, deployedAt: '2026-11-26T09:00:00Z', source: null, runningInstances: 0,
}));

/** Staff (no designer rights) follow the link and land on the read-only viewer of that version. */
function routesWith(page: React.ReactElement) {
  return [{ path: '/', children: [{ index: true, element: page }, ...designerRoutes] }];
}

function staffApi(extra: Parameters<typeof mockFetch>[0]) {
  return mockFetch([
    ...extra,
    { path: '/api/designer/me', body: { canEdit: false } },
    { path: '/api/designer/models/process/grid-event/versions', body: versions },
    { path: '/api/designer/models/process/grid-event/versions/1/content', body: { kind: 'PROCESS', key: 'grid-event', version: 1, id: 'x', resourceName: 'grid-event.bpmn', content: '<xml/>' } },
    { path: '/api/designer/models/process/grid-event/versions/2/content', body: { kind: 'PROCESS', key: 'grid-event', version: 2, id: 'x', resourceName: 'grid-event.bpmn', content: '<xml/>' } },
  ]);
}

describe('links to the read-only process viewer', () => {
  it('from the task diagram: opens the version the task runs on', { timeout: 40000 }, async () => {
    staffApi([{ path: '/api/tasks/t1/diagram', body: { xml: '<xml/>', activeActivityIds: [], completedActivityIds: [], definitionKey: 'grid-event', definitionVersion: 1 } }]);
    renderRoutes(routesWith(<TaskDiagramTab taskId="t1" />), '/');
    const link = await screen.findByTestId('definition-link-grid-event');
    expect(link).toHaveTextContent('查看流程定义');
    expect(link).toHaveAttribute('href', '/designer/process/grid-event?version=1');
    fireEvent.click(link);
    expect(await screen.findByText('查看版本 v1')).toBeInTheDocument();
    expect(await screen.findByText('只读查看：只有流程设计人员可以编辑和部署。')).toBeInTheDocument();
    expect(screen.queryByTestId('model-edit')).not.toBeInTheDocument();
  });

  it('from the 发起 page: the link opens the viewer, not the start form', { timeout: 40000 }, async () => {
    staffApi([{ path: '/api/processes/startable', body: [{ key: 'grid-event', name: '网格事件处置', version: 2, hasStartForm: true }] }]);
    const { router } = renderRoutes(routesWith(<StartPage />), '/');
    const link = await screen.findByTestId('definition-link-grid-event');
    expect(link).toHaveAttribute('href', '/designer/process/grid-event?version=2');
    fireEvent.click(link);
    expect(await screen.findByText('查看版本 v2')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/designer/process/grid-event');
  });
});
