import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { routes } from '../routes';

// The diagram and the modeler need a real canvas; what these tests check is who gets which page.
vi.mock('@/components/bpmn/BpmnDiagram', () => ({ BpmnDiagram: () => <div data-testid="bpmn-diagram" /> }));
vi.mock('../editor/BpmnEditor', () => ({ BpmnEditor: () => <div data-testid="bpmn-modeler" /> }));

const versions = [
  { kind: 'PROCESS', key: 'grid-event', name: '网格事件处置', id: 'grid-event:2:x', version: 2, deploymentId: 'd2',
    resourceName: 'grid-event.bpmn', deployedBy: 'designer', deployedAt: '2026-11-27T09:00:00Z', source: 'GridFlow designer', runningInstances: 3 },
  { kind: 'PROCESS', key: 'grid-event', name: '网格事件处置', id: 'grid-event:1:x', version: 1, deploymentId: 'd1',
    resourceName: 'grid-event.bpmn', deployedBy: null, deployedAt: '2026-11-26T09:00:00Z', source: null, runningInstances: 5 },
];

function setup(canEdit: boolean, path: string) {
  const fetch = mockFetch([
    { path: '/api/designer/me', body: { canEdit } },
    { path: '/api/designer/models/process/grid-event/versions', body: versions },
    { path: '/api/designer/models/process/grid-event/versions/2/content', body: { kind: 'PROCESS', key: 'grid-event', version: 2, id: 'x', resourceName: 'grid-event.bpmn', content: '<xml/>' } },
    { path: '/api/designer/drafts/process/grid-event', status: 404, body: { status: 404, code: 'NOT_FOUND', message: '不存在' } },
    { path: '/api/designer/process-beans', body: ['groups'] },
    { path: '/api/designer/models', body: { items: [], total: 0, page: 0, size: 200 } },
  ]);
  return { ...fetch, ...renderRoutes([{ path: '/', children: routes }], path) };
}

describe('designer pages', () => {
  it('keeps staff out of the editor and offers the read-only view instead', async () => {
    setup(false, '/designer/process/grid-event/edit');
    expect(await screen.findByTestId('designer-forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('bpmn-modeler')).not.toBeInTheDocument();
  });

  it('shows staff the versions read-only, without edit, diff or migration', async () => {
    setup(false, '/designer/process/grid-event');
    expect(await screen.findByTestId('version-2')).toBeInTheDocument();
    expect(await screen.findByText('只读查看：只有流程设计人员可以编辑和部署。')).toBeInTheDocument();
    expect(screen.queryByTestId('model-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('model-migrate')).not.toBeInTheDocument();
    const v1 = screen.getByTestId('version-1').closest('tr') as HTMLElement;
    expect(within(v1).getByText('系统（启动时部署）')).toBeInTheDocument();
    expect(within(v1).getByText('5')).toBeInTheDocument();
  });

  it('opens the modeler for a designer, based on the latest version', async () => {
    setup(true, '/designer/process/grid-event/edit');
    expect(await screen.findByTestId('bpmn-modeler')).toBeInTheDocument();
    expect(screen.getByText('基于 v2')).toBeInTheDocument();
    expect(screen.getByTestId('editor-deploy')).toBeEnabled();
  });
});
