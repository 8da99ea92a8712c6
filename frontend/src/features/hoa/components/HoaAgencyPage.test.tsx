import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { AgencyDetail, Check } from '../api/hoa';
import { HoaAgencyPage } from './HoaAgencyPage';

const check = (state: Check['state'], by: string | null = null, note: string | null = null): Check => ({
  state, by, at: state === 'PENDING' || state === 'WAITING' ? null : '2026-04-02T10:00:00.000+0800', note,
});

const detail: AgencyDetail = {
  agency: {
    id: 'AGENCY-HOA-1', matterId: 'HOA-1', estateId: 'EST01', estateName: '华中花园', resolutionNo: 'JY-20260301-00001',
    title: '聘请业财代理', processInstanceId: 'p9', startedAt: '2026-03-20T09:00:00.000+0800', state: 'IN_FORCE',
    currentSteps: ['代理履约中（终止时办理）'],
  },
  statements: [
    {
      cycleId: 'c2', period: '2026-04', incomeFen: null, expenseFen: null, startedAt: '2026-05-01T00:00:00.000+0800',
      completedAt: null, booking: check('PENDING'), chair: check('WAITING'), supervisor: check('WAITING'), publishedAt: null,
      review: check('WAITING'), rectification: check('WAITING'),
    },
    {
      cycleId: 'c1', period: '2026-03', incomeFen: 1_250_000, expenseFen: 830_000, startedAt: '2026-04-01T00:00:00.000+0800',
      completedAt: null, booking: check('DONE', 'finagent01'), chair: check('CONFIRMED', 'hoachair01'),
      supervisor: check('CONFIRMED', 'hoasuper01'), publishedAt: '2026-04-02T10:00:00.000+0800',
      review: check('ANOMALY', 'cstaff01', '缺发票'), rectification: check('PENDING'),
    },
  ],
  budgets: [
    {
      matterId: 'HOA-2', title: '3幢电梯更新', resolutionNo: 'JY-20260301-00002', budgetFen: 28_000_000, paidFen: 10_000_000,
      remainingFen: 18_000_000,
      payments: [{ id: 'pay1', resolutionNo: 'JY-20260301-00002', amountFen: 10_000_000, paymentRef: 'BANK-1', status: 'PAID',
        paidAt: '2026-04-03T10:00:00.000+0800', recoveredAt: null }],
      pending: [{ processInstanceId: 'pp', amountFen: 5_000_000, purpose: '尾款', steps: ['业委会委员审批'], requestedAt: '2026-04-04T10:00:00.000+0800' }],
    },
  ],
};

describe('HoaAgencyPage', () => {
  it('shows each month with its two confirmations, publication and review, and the budgets with what remains', async () => {
    mockFetch([{ path: '/api/hoa/agencies/AGENCY-HOA-1', body: detail }]);
    renderRoutes([{ path: '/hoa/agency/:id', element: <HoaAgencyPage /> }], '/hoa/agency/AGENCY-HOA-1');
    expect(await screen.findByText('华中花园 · 业财代理')).toBeInTheDocument();
    expect(screen.getByTestId('hoa-agency-state')).toHaveTextContent('履约中');
    const march = within(screen.getByTestId('hoa-statements')).getByText('2026-03').closest('tr') as HTMLElement;
    expect(march).toHaveTextContent('12,500.00 元');
    expect(within(march).getByTestId('hoa-statement-chair')).toHaveTextContent('已确认');
    expect(within(march).getByTestId('hoa-statement-supervisor')).toHaveTextContent('hoasuper01');
    expect(within(march).getByTestId('hoa-statement-review')).toHaveTextContent('有异常');
    expect(within(march).getByTestId('hoa-statement-review')).toHaveTextContent('缺发票');
    const april = within(screen.getByTestId('hoa-statements')).getByText('2026-04').closest('tr') as HTMLElement;
    expect(april).toHaveTextContent('未公示');
    const budget = screen.getByTestId('hoa-budget-JY-20260301-00002');
    expect(within(budget).getByTestId('hoa-budget-remaining')).toHaveTextContent('180,000.00 元');
    expect(budget).toHaveTextContent('50,000.00 元 · 业委会委员审批');
    expect(budget).toHaveTextContent('BANK-1');
  }, 40_000);
});
