import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { MatterDetail } from '../api/hoa';
import { HoaDecisionPage } from './HoaDecisionPage';

vi.mock('@/components/bpmn/BpmnDiagram', () => ({
  BpmnDiagram: ({ activeIds }: { activeIds: string[] }) => <div data-testid="bpmn-diagram">{activeIds.join(',')}</div>,
}));

function detail(overrides: Partial<MatterDetail> = {}): MatterDetail {
  return {
    matter: {
      id: 'HOA-20261127-00001', processInstanceId: 'p1', estateId: 'EST01', estateName: '华中花园', communityId: 'C01',
      title: '3幢电梯更新', matterType: 'USE_MAINTENANCE_FUND', budgetFen: 28_000_000, fundSource: 'MAINTENANCE_FUND',
      proposerId: 'hoachair01', outcome: null, createdAt: '2026-11-27T09:00:00.000+0800', closedAt: null,
    },
    variables: { voteTier: 'ORDINARY', budgetFen: 28_000_000, voteRound: 1, partyReturnCount: 0 },
    diagramXml: '<xml/>',
    activeActivityIds: ['voteClosed'],
    completedActivityIds: [],
    timeline: [
      { time: '2026-11-27T09:00:00.000+0800', kind: 'START', activityId: 'proposalSubmitted', activityName: '提交重大事项议案', userId: 'hoachair01', userName: '陈建国', process: null },
    ],
    myTasks: [],
    rounds: [
      { roundNo: 1, status: 'OPEN', opensAt: '2026-12-12T09:00:00.000+0800', closesAt: '2026-12-27T09:00:00.000+0800', ballotCount: 0,
        totalOwnerCount: null, participatingCount: null, yesCount: null, totalAreaCenti: null, participatingAreaCenti: null,
        yesAreaCenti: null, quorumMet: null, passed: null },
    ],
    filings: [],
    payments: [],
    publications: [],
    committee: true,
    chair: true,
    openRound: 1,
    remainingBudgetFen: null,
    agencyId: null,
    ...overrides,
  };
}

const routes = [{ path: '/hoa/:id', element: <HoaDecisionPage /> }];

describe('HoaDecisionPage', () => {
  it('shows where the decision stands, who started it, and the budget in yuan', async () => {
    mockFetch([
      { path: '/api/hoa/matters/HOA-20261127-00001', body: detail() },
      { path: '/api/hoa/matters/HOA-20261127-00001/ballots', body: [] },
    ]);
    renderRoutes(routes, '/hoa/HOA-20261127-00001');
    expect(await screen.findByText('3幢电梯更新')).toBeInTheDocument();
    expect(screen.getByTestId('bpmn-diagram')).toHaveTextContent('voteClosed');
    expect(within(screen.getByTestId('hoa-facts')).getByText('280,000.00 元')).toBeInTheDocument();
    expect(screen.getByTestId('hoa-timeline')).toHaveTextContent('陈建国');
  }, 40_000);

  it('marks the payment process’s own steps in the timeline and links the agency the decision engaged', async () => {
    mockFetch([
      {
        path: '/api/hoa/matters/HOA-20261127-00001',
        body: detail({
          agencyId: 'AGENCY-HOA-20261127-00001',
          timeline: [
            { time: '2026-11-27T09:00:00.000+0800', kind: 'START', activityId: 'proposalSubmitted', activityName: '提交重大事项议案', userId: 'hoachair01', userName: '陈建国', process: null },
            { time: '2026-12-20T10:00:00.000+0800', kind: 'TASK_COMPLETED', activityId: 'chairApproval', activityName: '业委会主任审批', userId: 'hoachair01', userName: '陈建国', process: 'hoa-fund-payment' },
          ],
        }),
      },
      { path: '/api/hoa/matters/HOA-20261127-00001/ballots', body: [] },
    ]);
    renderRoutes(routes, '/hoa/HOA-20261127-00001');
    const timeline = await screen.findByTestId('hoa-timeline');
    expect(within(timeline).getAllByTestId('hoa-timeline-payment')).toHaveLength(1);
    expect(timeline).toHaveTextContent('付款流程办结 · 业委会主任审批');
    expect(screen.getByTestId('hoa-agency-link')).toHaveAttribute('href', '/hoa/agency/AGENCY-HOA-20261127-00001');
  }, 40_000);

  it('sends pasted paper ballots as one batch and shows each refused line from the server', async () => {
    const { calls } = mockFetch([
      { path: '/api/hoa/matters/HOA-20261127-00001', body: detail() },
      { path: '/api/hoa/matters/HOA-20261127-00001/ballots', body: [] },
      {
        method: 'POST',
        path: '/api/hoa/matters/HOA-20261127-00001/ballots/import',
        status: 400,
        body: { status: 400, code: 'hoa.ballot.invalid', message: '部分选票不符合要求，本批选票均未登记。',
          fieldErrors: [{ field: 'ballots[1]', message: '第 2 张选票：面积必须大于零。' }] },
      },
      { method: 'GET', path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } },
    ]);
    renderRoutes(routes, '/hoa/HOA-20261127-00001');
    await userEvent.click(await screen.findByRole('tab', { name: '表决' }));
    fireEvent.change(screen.getByTestId('hoa-import-text'), { target: { value: 'EST01-1-101, 同意\nEST01-1-102, 反对, -90' } });
    await userEvent.click(screen.getByTestId('hoa-import-submit'));
    await waitFor(() => expect(screen.getByTestId('hoa-import-error')).toHaveTextContent('第 2 张选票：面积必须大于零。'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ ballots: [
      { unitId: 'EST01-1-101', choice: 'YES' },
      { unitId: 'EST01-1-102', choice: 'NO', areaCenti: -9000 },
    ] });
  }, 40_000);

  it('lets the chair request a payment in yuan, sent in exact fen, and shows the refusal above the remaining budget', async () => {
    const { calls } = mockFetch([
      { path: '/api/hoa/matters/HOA-20261127-00001', body: detail({ remainingBudgetFen: 12_000_000, openRound: null }) },
      { path: '/api/hoa/matters/HOA-20261127-00001/ballots', body: [] },
      {
        method: 'POST',
        path: '/api/hoa/matters/HOA-20261127-00001/payments',
        status: 400,
        body: { status: 400, code: 'hoa.payment.over-budget', message: '付款 120,000.01 元超过预算余额 120,000.00 元。', fieldErrors: [] },
      },
      { method: 'GET', path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } },
    ]);
    renderRoutes(routes, '/hoa/HOA-20261127-00001');
    await userEvent.click(await screen.findByRole('tab', { name: /付款/ }));
    fireEvent.change(screen.getByTestId('hoa-payment-amount'), { target: { value: '120000.01' } });
    fireEvent.change(screen.getByTestId('hoa-payment-purpose'), { target: { value: '电梯设备款' } });
    await userEvent.click(screen.getByTestId('hoa-payment-submit'));
    await waitFor(() => expect(screen.getByTestId('hoa-payment-error')).toHaveTextContent('超过预算余额 120,000.00 元'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ amountFen: 12_000_001, paymentPurpose: '电梯设备款' });
  }, 40_000);
});
