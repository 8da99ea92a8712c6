import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { Page, ProviderContract } from '../api/procurement';
import { routes } from '../routes';

const provider = {
  id: 'provider01',
  name: '程晓',
  groups: [{ id: 'service-provider', name: '承接主体' }, { id: 'service-provider:P001', name: '承接主体 · P001' }],
  roles: ['service-provider'],
  scopes: { grids: [], communities: [], departments: [] },
  menus: ['tasks', 'procurement'],
};

const row: ProviderContract = {
  contract: {
    contractId: 'HT-7', itemCode: 'GS-7', deptId: 'GOVERNANCE', budgetFen: 60_000_000, providerId: 'P001',
    priceFen: 60_000_000, serviceItems: '上门助浴', qualityKpis: '满意度≥90%', paymentMethod: '预付 30%',
    termMonths: 12, stableContinuous: false, termStart: '2026-11-27T09:00:00.000+0800',
    termEnd: '2027-11-27T09:00:00.000+0800', evalCycle: 'R/P3M', prepayPct: 30, instalments: 4, status: 'IN_FORCE',
    processInstanceId: 'pi7', createdBy: 'buyer01', createdAt: '2026-11-27T09:00:00.000+0800', communityId: 'C01',
  },
  itemName: '社区助浴服务',
  evaluations: [{ id: 'e1', kind: 'PERIODIC', periodNo: 1, score: 58, grade: '差', payPct: 80, note: null,
    evaluatedBy: 'buyer01', createdAt: '2027-02-27T09:00:00.000+0800', communitySatisfaction: null,
    communityFeedback: null }],
  totals: { priceFen: 60_000_000, paidFen: 26_400_000, withheldFen: 2_100_000, recoveredFen: 0 },
  tasks: [{ id: 't9', name: '限期整改', taskDefinitionKey: 'rectify', created: '2027-02-27T09:00:00.000+0800',
    due: '2000-03-29T09:00:00.000+0800', mine: true }],
};

describe('ProcurementPage for a provider', () => {
  let calls: ReturnType<typeof mockFetch>['calls'];

  beforeEach(() => {
    const page: Page<ProviderContract> = { items: [row], total: 1, page: 0, size: 20 };
    ({ calls } = mockFetch([
      { path: '/api/me', body: provider },
      { path: '/api/procurement/provider/contracts', body: page },
    ]));
  });

  it('shows only its own contracts with the latest grade, the money and the rectification that is overdue', async () => {
    renderRoutes(routes, '/procurement');
    const table = await screen.findByTestId('provider-contracts-table');
    const contract = await within(table).findByTestId('provider-row');
    expect(contract).toHaveAttribute('data-id', 'HT-7');
    expect(within(contract).getByTestId('provider-grade')).toHaveTextContent('差 58 · 80%');
    expect(within(contract).getByTestId('provider-paid')).toHaveTextContent('¥264,000.00');
    expect(within(contract).getByTestId('provider-withheld')).toHaveTextContent('¥21,000.00');
    const task = within(contract).getByTestId('provider-task');
    expect(task).toHaveAttribute('data-key', 'rectify');
    expect(task).toHaveAttribute('data-overdue', 'true');
    expect(within(task).getByRole('link', { name: '限期整改' })).toHaveAttribute('href', '/tasks/t9');
    // the catalogue and everyone's contracts are not asked for: the server would refuse them to a provider
    expect(screen.queryByRole('tab', { name: '目录清单' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname.startsWith('/api/procurement/catalog') || c.url.pathname === '/api/procurement/contracts'))
      .toBe(false);
  }, 60_000);
});
