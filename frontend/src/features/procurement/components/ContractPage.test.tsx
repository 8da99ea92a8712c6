import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { ContractView } from '../api/procurement';
import { routes } from '../routes';

vi.mock('@/components/bpmn/BpmnDiagram', () => ({ BpmnDiagram: () => <div data-testid="bpmn-diagram" /> }));

const me = {
  id: 'buyer01',
  name: '蔡文',
  groups: [{ id: 'purchasing-dept:GOVERNANCE', name: '购买主体' }],
  roles: ['purchasing-dept'],
  scopes: { grids: [], communities: [], departments: ['GOVERNANCE'] },
  menus: ['tasks', 'procurement'],
};

function view(): ContractView {
  return {
    contract: {
      contractId: 'HT-1', itemCode: 'GS-1', deptId: 'GOVERNANCE', budgetFen: 60_000_000, providerId: 'P001',
      priceFen: 60_000_000, serviceItems: '上门助浴', qualityKpis: '满意度≥90%', paymentMethod: '预付 30%',
      termMonths: 12, stableContinuous: false, termStart: '2026-11-27T09:00:00.000+0800',
      termEnd: '2027-11-27T09:00:00.000+0800', evalCycle: 'R/P3M', prepayPct: 30, instalments: 4,
      status: 'IN_FORCE', processInstanceId: 'pi1', createdBy: 'buyer01', createdAt: '2026-11-27T09:00:00.000+0800',
      communityId: 'C01',
    },
    itemName: '社区助浴服务',
    providerRestrictedUntil: null,
    evaluations: [{ id: 'e1', kind: 'PERIODIC', periodNo: 1, score: 58, grade: '差', payPct: 80, note: null,
      evaluatedBy: 'buyer01', createdAt: '2027-02-27T09:00:00.000+0800', communitySatisfaction: 'DISSATISFIED',
      communityFeedback: '助浴时间不稳定' }],
    payments: [
      { id: 'p1', kind: 'ADVANCE', periodNo: 0, baseFen: 18_000_000, payPct: 100, amountFen: 18_000_000, createdAt: '2026-11-27T09:00:00.000+0800' },
      { id: 'p2', kind: 'INSTALMENT', periodNo: 1, baseFen: 10_500_000, payPct: 80, amountFen: 8_400_000, createdAt: '2027-02-27T09:00:00.000+0800' },
    ],
    totals: { priceFen: 60_000_000, paidFen: 26_400_000, withheldFen: 2_100_000, recoveredFen: 0 },
    tasks: [
      { id: 't1', name: '定期绩效评价', taskDefinitionKey: 'periodicEvaluation', created: '2027-05-27T09:00:00.000+0800', due: null, mine: true },
      { id: 't2', name: '限期整改', taskDefinitionKey: 'rectify', created: '2027-02-27T09:00:00.000+0800', due: null, mine: false },
    ],
    timeline: [{ time: '2026-11-27T09:00:00.000+0800', activityId: 'signByProvider', activityName: '承接主体签署',
      activityType: 'userTask', userId: 'provider01', userName: '程晓', finished: true }],
  };
}

describe('ContractPage', () => {
  let calls: ReturnType<typeof mockFetch>['calls'];

  beforeEach(() => {
    ({ calls } = mockFetch([
      { path: '/api/me', body: me },
      { path: '/api/org/tree', body: { communities: [{ id: 'C01', name: '华中社区', grids: [] }], departments: [] } },
      { path: '/api/procurement/contracts/HT-1', body: view() },
      { path: '/api/procurement/contracts/HT-1/diagram', body: { xml: '<x/>', activeActivityIds: [], completedActivityIds: [] } },
      {
        method: 'POST',
        path: '/api/procurement/contracts/HT-1/evaluations',
        status: 400,
        body: { status: 400, code: 'PROCUREMENT_INVALID', message: '评分须在 0 至 100 之间（填写的是 101）',
          fieldErrors: [{ field: 'evalScore', message: '评分须在 0 至 100 之间（填写的是 101）' }] },
      },
    ]));
  });

  it('shows grades with their pay percentage, payments in yuan and what the buyer can do now', async () => {
    renderRoutes(routes, '/procurement/contracts/HT-1');
    expect(await screen.findByTestId('contract-page')).toHaveAttribute('data-status', 'IN_FORCE');
    const evaluations = screen.getByTestId('evaluations-table');
    expect(within(evaluations).getByTestId('grade')).toHaveTextContent('差');
    expect(within(evaluations).getByText('80%')).toBeInTheDocument();
    // the community's own feedback, given in its step before the evaluation
    expect(within(evaluations).getByTestId('community-feedback')).toHaveTextContent('不满意助浴时间不稳定');
    expect(await screen.findByText('华中社区')).toBeInTheDocument();
    const amounts = within(screen.getByTestId('payments-table')).getAllByTestId('payment-amount');
    expect(amounts.map((a) => a.textContent)).toEqual(['¥180,000.00', '¥84,000.00']);
    expect(screen.getByTestId('contract-totals')).toHaveTextContent('¥264,000.00');
    expect(screen.getByTestId('my-task')).toHaveAttribute('data-key', 'periodicEvaluation');
    expect(screen.getByText('等待：限期整改')).toBeInTheDocument();
    expect(screen.getByTestId('evaluation-form')).toBeInTheDocument();
    expect(screen.queryByTestId('draft-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('contract-timeline')).toHaveTextContent('承接主体签署');
  }, 60_000);

  it('shows the server\'s message when a score is refused', async () => {
    renderRoutes(routes, '/procurement/contracts/HT-1');
    await userEvent.type(await screen.findByTestId('eval-score'), '101');
    await userEvent.click(screen.getByTestId('eval-submit'));
    expect(await screen.findByTestId('procurement-error')).toHaveTextContent('评分须在 0 至 100 之间（填写的是 101）');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ evalScore: 101 });
  }, 60_000);
});
