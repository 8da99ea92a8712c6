import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { IncidentDetail } from '../api/incidents';
import { IncidentRecordPage } from './IncidentRecordPage';

vi.mock('@/components/bpmn/BpmnDiagram', () => ({
  BpmnDiagram: ({ activeIds }: { activeIds: string[] }) => <div data-testid="bpmn-diagram" data-active={activeIds.join(',')} />,
}));

const org = {
  communities: [{ id: 'C01', name: '华中社区', grids: [{ id: 'G0101', name: '华中社区第一网格', microGrids: [] }] }],
  departments: [{ id: 'MARKET', name: '市场监督管理局' }],
};

function detail(overrides: Partial<IncidentDetail> = {}): IncidentDetail {
  return {
    summary: {
      id: 'EV-20261127-00001',
      processInstanceId: 'p1',
      category: 'MARKET_ORDER',
      gridId: 'G0101',
      communityId: 'C01',
      leadDept: 'MARKET',
      urgency: 'ROUTINE',
      description: '占道经营',
      status: 'ACTIVE',
      stage: ['签收/回退'],
      started: '2026-11-27T08:00:00.000+0800',
      ended: null,
      slaDueAt: '2026-12-04T08:00:00.000+0800',
      sla: 'ON_TIME',
      slaBreached: false,
      escalationLevel: 0,
      cityMode: 'PEACE',
      closeType: null,
      handlingLevel: 'DEPT',
      reporterId: 'grid0101',
      startUserId: 'grid0101',
    },
    communityMode: 'WAR',
    variables: {},
    diagram: { xml: '<xml/>', activeActivityIds: ['signOrReturn'], completedActivityIds: [] },
    timeline: [
      { time: '2026-11-27T08:00:00.000+0800', type: 'START', activityName: '网格员巡查上报', userId: 'grid0101', userName: '张伟' },
      { time: '2026-11-27T08:00:01.000+0800', type: 'PHOTO', userId: 'grid0101', userName: '张伟', message: 'scene.png' },
    ],
    attachments: [
      { id: 'a1', fileName: 'scene.png', contentType: 'image/png', size: 10, uploadedBy: 'grid0101', uploadedByName: '张伟', created: '2026-11-27T08:00:01.000+0800' },
    ],
    notifications: [],
    tasks: [
      { id: 't-sign', name: '签收/回退', taskDefinitionKey: 'signOrReturn', assignee: null, candidateGroups: ['dept-handler:MARKET'], created: '2026-11-27T08:10:00.000+0800', canAct: true },
      { id: 't-other', name: '联合协调', taskDefinitionKey: 'coordinate', assignee: 'supervisor', assigneeName: '马超', candidateGroups: [], created: '2026-11-27T08:10:00.000+0800', canAct: false },
    ],
    canAddPhotos: true,
    ...overrides,
  };
}

function setup(answer: { status?: number; body?: unknown }) {
  mockFetch([
    { path: '/api/incidents/EV-20261127-00001', respond: () => answer },
    { path: '/api/org/tree', body: org },
  ]);
  return renderRoutes([{ path: '/incidents/:id', element: <IncidentRecordPage /> }], '/incidents/EV-20261127-00001');
}

// antd renders slowly in jsdom on a loaded 2-core machine.
describe('IncidentRecordPage', { timeout: 90_000 }, () => {
  it('shows where the event stands, what the user can do now and who else holds it', async () => {
    setup({ body: detail() });
    expect(await screen.findByTestId('incident-record-page')).toBeInTheDocument();
    expect(screen.getByTestId('bpmn-diagram')).toHaveAttribute('data-active', 'signOrReturn');
    expect(screen.getByTestId('incident-community-mode')).toHaveAttribute('data-mode', 'WAR');
    expect(screen.getByTestId('incident-mode-at-report')).toHaveAttribute('data-mode', 'PEACE');
    expect(await screen.findByText('市场监督管理局')).toBeInTheDocument();
    const now = screen.getByTestId('incident-now');
    expect(within(now).getByTestId('incident-task-link')).toHaveAttribute('href', '/tasks/t-sign');
    expect(within(now).getAllByTestId('incident-task-link')).toHaveLength(1);
    expect(within(now).getByText(/马超/)).toBeInTheDocument();
  });

  it('says so when the user has nothing to do on it', async () => {
    setup({ body: detail({ tasks: [], canAddPhotos: false }) });
    expect(await screen.findByText('您当前没有该事件的待办')).toBeInTheDocument();
    expect(screen.queryByTestId('incident-task-link')).not.toBeInTheDocument();
  });

  it('answers an event the user may not see with the server message', async () => {
    setup({ status: 404, body: { status: 404, code: 'INCIDENTVIEW_NOT_FOUND', message: '事件 EV-20261127-00001 不存在，或您无权查看。' } });
    expect(await screen.findByTestId('incident-not-found')).toBeInTheDocument();
    expect(screen.getByText('事件 EV-20261127-00001 不存在，或您无权查看。')).toBeInTheDocument();
  });
});
