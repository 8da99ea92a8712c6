import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes, signedInAs } from '@/test/utils';
import { routes } from '../routes';

const me = (roles: string[], id: string) => signedInAs(id, roles, ['tasks', 'promotion']);

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="commendation" isExecutable="true"><bpmn:startEvent id="s" /></bpmn:process>
</bpmn:definitions>`;

const record = (over: Record<string, unknown>) => ({
  processInstanceId: 'c1',
  startedAt: '2026-12-01T01:00:00Z',
  endedAt: null,
  startedBy: 'chead02',
  nomineeType: 'GRID_STAFF',
  nomineeName: '刘洋',
  nomineeId: 'grid0202',
  achievements: '创建无诈社区',
  commendationScore: 91,
  publicityEndAt: '2026-12-08T09:00:00Z',
  currentSteps: ['公示期满'],
  xml: XML,
  activeActivityIds: ['commendationPublicityPeriod'],
  completedActivityIds: ['nominationSubmitted', 'scoreNominee'],
  timeline: [
    { time: '2026-12-01T01:00:00Z', endTime: '2026-12-01T01:00:00Z', activityId: 'nominationSubmitted', activityName: '社区/部门推荐', activityType: 'startEvent', assignee: null, assigneeName: null },
    { time: '2026-12-01T01:00:00Z', endTime: '2026-12-01T02:00:00Z', activityId: 'scoreNominee', activityName: '考评小组评分', activityType: 'userTask', assignee: 'panel01', assigneeName: '韩梅' },
  ],
  myTasks: [],
  canObject: false,
  award: null,
  bonusCap: 3,
  ...over,
});

describe('Commendations', () => {
  it('lists the nominations with their type and where each stands', async () => {
    mockFetch([
      { path: '/api/me', body: me(['community-head:C02', 'community-head'], 'chead02') },
      {
        path: '/api/promotion/commendations',
        body: {
          items: [
            { processInstanceId: 'c1', startedAt: '2026-12-01T01:00:00Z', endedAt: null, startedBy: 'chead02', nomineeType: 'GRID_STAFF',
              nomineeName: '刘洋', nomineeId: 'grid0202', currentSteps: ['考评小组评分'] },
            { processInstanceId: 'c2', startedAt: '2026-11-01T01:00:00Z', endedAt: '2026-11-20T01:00:00Z', startedBy: 'chead02',
              nomineeType: 'VOLUNTEER', nomineeName: '王芳', commendationStatus: 'COMMENDED', currentSteps: [] },
          ],
          total: 2, page: 0, size: 20,
        },
      },
    ]);
    renderRoutes(routes, '/promotion/commendations');
    const table = within(await screen.findByTestId('commendations'));
    expect(await table.findByText('刘洋')).toBeInTheDocument();
    expect(table.getByTestId('commendation-status-c1')).toHaveTextContent('考评小组评分');
    expect(table.getByTestId('commendation-status-c2')).toHaveTextContent('予以表彰');
    expect(table.getByText('志愿者')).toBeInTheDocument();
    expect(screen.getByTestId('nominate')).toBeInTheDocument();
  });

  it('lets the governance authority record an objection during the notice, and shows the timeline', async () => {
    const { calls } = mockFetch([
      { path: '/api/me', body: me(['governance-admin'], 'govadmin') },
      { path: '/api/promotion/commendations/c1', body: record({ canObject: true }) },
      { method: 'POST', path: '/api/promotion/commendations/c1/objections', status: 202 },
    ]);
    renderRoutes(routes, '/promotion/commendations/c1');
    expect(await screen.findByTestId('commendation-objection')).toBeInTheDocument();
    expect(within(screen.getByTestId('promotion-timeline')).getByText('考评小组评分')).toBeInTheDocument();
    expect(within(screen.getByTestId('promotion-timeline')).getByText(/韩梅/)).toBeInTheDocument();
    expect(within(screen.getByTestId('promotion-timeline')).queryByText(/panel01/)).toBeNull();
    expect(screen.getByTestId('commendation-bonus')).toHaveTextContent('审定予以表彰后');
    await userEvent.click(screen.getByTestId('commendation-objection'));
    await userEvent.type(await screen.findByRole('textbox'), '事迹不实');
    await userEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ text: '事迹不实' });
  }, 60_000);

  it("offers the approver their open task and, once commended, shows the bonus written to the worker's HR record", async () => {
    mockFetch([
      { path: '/api/me', body: me(['city-gov-approver'], 'approver01') },
      {
        path: '/api/promotion/commendations/c1',
        body: record({
          endedAt: '2026-12-10T01:00:00Z', commendationStatus: 'COMMENDED', currentSteps: [], activeActivityIds: [],
          award: { bonus: 2, awardedAt: '2026-12-10T01:00:00Z', nomineeId: 'grid0202', hrBonusTotal: 4 },
        }),
      },
    ]);
    renderRoutes(routes, '/promotion/commendations/c1');
    expect(await screen.findByTestId('commendation-bonus')).toHaveTextContent('已为 grid0202 记入表彰加分 +2，人事档案中加分合计 4；选聘总分最多计入 3 分');
    expect(screen.getByTestId('commendation-now')).toHaveTextContent('当前没有需要您办理的事项');
  });

  it('links the approver to the task waiting for them', async () => {
    mockFetch([
      { path: '/api/me', body: me(['city-gov-approver'], 'approver01') },
      {
        path: '/api/promotion/commendations/c1',
        body: record({ currentSteps: ['市政府审定'], activeActivityIds: ['approveCommendation'],
          myTasks: [{ id: 't9', name: '市政府审定', activityId: 'approveCommendation' }] }),
      },
    ]);
    renderRoutes(routes, '/promotion/commendations/c1');
    const link = await screen.findByTestId('commendation-task-approveCommendation');
    expect(link).toHaveAttribute('href', '/tasks/t9');
    expect(screen.queryByTestId('commendation-objection')).toBeNull();
  });
});
