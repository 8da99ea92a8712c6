import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { HoaSummary, ProcurementSummary, RoundRow } from '../api/metrics';
import { DashboardPage } from './DashboardPage';

const hoa: HoaSummary = {
  total: 10,
  stages: [
    { stage: 'DELIBERATION', total: 1, passed: 0, failed: 0, revote: 0, filed: 0 },
    { stage: 'VOTING', total: 1, passed: 0, failed: 0, revote: 0, filed: 0 },
    { stage: 'REVOTE_DECISION', total: 1, passed: 0, failed: 1, revote: 0, filed: 0 },
    { stage: 'FILING', total: 2, passed: 2, failed: 0, revote: 1, filed: 0 },
    { stage: 'IMPLEMENTATION', total: 1, passed: 1, failed: 0, revote: 0, filed: 1 },
    { stage: 'CLOSED', total: 4, passed: 1, failed: 2, revote: 1, filed: 1 },
  ],
  outcomes: [{ outcome: 'WITHDRAWN', count: 1 }, { outcome: 'FAILED_NO_QUORUM', count: 1 }],
};

const procurement: ProcurementSummary = {
  total: 6,
  withdrawn: 2,
  byGrade: [{ key: '优', count: 1 }, { key: '良', count: 2 }, { key: '中', count: 0 }, { key: '差', count: 2 }, { key: 'NONE', count: 1 }],
  byStatus: [{ key: 'IN_FORCE', count: 2 }, { key: 'TERMINATED_TAKEN_BACK', count: 1 }],
};

const rounds: RoundRow[] = [{
  roundKey: 'R2026',
  year: 2026,
  postPool: 'CITY',
  stage: 'OPEN',
  steps: [{ activityId: 'appointShortlisted', name: '入围人员选聘任用' }],
  applications: 5,
  byStatus: { SHORTLISTED: 2, WAITLISTED: 2, INELIGIBLE: 1 },
  shortlisted: 2,
  waitlisted: 2,
}];

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 0, size: 10 });

function setup() {
  const fetch = mockFetch([
    { path: '/api/metrics/hoa', body: hoa },
    { path: '/api/metrics/hoa/matters', body: page([{ id: 'm8', title: '更换物业', communityId: 'C01', stage: 'CLOSED', outcome: 'FAILED_NO_QUORUM', rounds: 2, passed: false, filed: false, createdAt: '2026-11-01T09:00:00.000+0800', closedAt: '2026-11-20T09:00:00.000+0800' }]) },
    { path: '/api/metrics/procurement', body: procurement },
    { path: '/api/metrics/procurement/contracts', body: page([{ contractId: 'CT-3', itemCode: 'WASTE', itemName: '垃圾分类督导', deptId: 'ENFORCE', providerId: 'P1', status: 'TERMINATED_TAKEN_BACK', grade: '差', evaluations: 2, createdAt: '2026-01-01T09:00:00.000+0800' }]) },
    { path: '/api/metrics/promotion', body: rounds },
    { path: '/api/metrics/promotion/applications', body: page([{ roundKey: 'R2026', applicantId: 'grid0102', communityId: 'C01', status: 'WAITLISTED', rankNo: 3, totalScore: 81.5, appliedAt: '2026-03-01T09:00:00.000+0800' }]) },
    { path: '/api/org/tree', body: { communities: [{ id: 'C01', name: '华中社区', grids: [] }], departments: [{ id: 'ENFORCE', name: '综合行政执法局' }] } },
  ]);
  return { ...fetch, ...renderRoutes([{ path: '/dashboard', element: <DashboardPage /> }], '/dashboard?tab=summaries') };
}

// This machine is shared and slow: antd's first renders alone can take tens of seconds under load.
const SLOW = 120_000;

describe('SummariesTab', () => {
  it('shows decisions by stage and outcome and lists the matters a count counts', async () => {
    const { calls } = setup();
    expect(await screen.findByTestId('hoa-CLOSED-failed')).toHaveTextContent('2');
    expect(screen.getByTestId('hoa-FILING-revote')).toHaveTextContent('1');
    expect(screen.getByTestId('hoa-IMPLEMENTATION-filed')).toHaveTextContent('1');
    expect(screen.getByText('已通过，待备案')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('hoa-CLOSED-failed'));
    const drawer = await screen.findByTestId('summary-hoa-list');
    expect(await within(drawer).findByText('更换物业')).toHaveAttribute('href', '/hoa/m8');
    const call = calls.find((c) => c.url.pathname === '/api/metrics/hoa/matters');
    expect(call?.url.searchParams.get('stage')).toBe('CLOSED');
    expect(call?.url.searchParams.get('figure')).toBe('failed');
  }, SLOW);

  it('lists the contracts of a grade and counts withdrawals', async () => {
    const { calls } = setup();
    expect(await screen.findByTestId('contracts-withdrawn')).toHaveTextContent('2');
    expect(screen.getByTestId('contracts-grade-中')).toHaveTextContent('0');
    expect(screen.getByText('未评价')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('contracts-grade-差'));
    expect(await screen.findByText('CT-3')).toHaveAttribute('href', '/procurement/contracts/CT-3');
    expect(calls.find((c) => c.url.pathname === '/api/metrics/procurement/contracts')?.url.searchParams.get('figure'))
      .toBe('grade:差');
  }, SLOW);

  it('shows each round at its stage with shortlisted and waitlisted counts', async () => {
    const { calls } = setup();
    expect(await screen.findByTestId('round-stage-R2026')).toHaveTextContent('入围人员选聘任用');
    expect(screen.getByTestId('round-R2026-SHORTLISTED')).toHaveTextContent('2');
    expect(screen.getByTestId('round-R2026-WAITLISTED')).toHaveTextContent('2');
    await userEvent.click(screen.getByTestId('round-R2026-WAITLISTED'));
    expect(await screen.findByText('grid0102')).toBeInTheDocument();
    const call = calls.find((c) => c.url.pathname === '/api/metrics/promotion/applications');
    expect(call?.url.searchParams.get('roundKey')).toBe('R2026');
    expect(call?.url.searchParams.get('status')).toBe('WAITLISTED');
  }, SLOW);

  it('narrows decisions and rounds to a community and contracts to a department, lists included', async () => {
    const { calls } = setup();
    await screen.findByTestId('hoa-CLOSED-failed');
    await userEvent.click(within(screen.getByTestId('summary-filter-community')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('华中社区'));
    const asked = (path: string, param: string, value: string) =>
      calls.some((c) => c.url.pathname === path && c.url.searchParams.get(param) === value);
    await waitFor(() => expect(asked('/api/metrics/hoa', 'communityId', 'C01')).toBe(true));
    await waitFor(() => expect(asked('/api/metrics/promotion', 'communityId', 'C01')).toBe(true));
    expect(asked('/api/metrics/procurement', 'communityId', 'C01')).toBe(false);
    await userEvent.click(within(screen.getByTestId('summary-filter-department')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('综合行政执法局'));
    await waitFor(() => expect(asked('/api/metrics/procurement', 'departmentId', 'ENFORCE')).toBe(true));
    await userEvent.click(await screen.findByTestId('hoa-CLOSED-failed'));
    await waitFor(() => expect(asked('/api/metrics/hoa/matters', 'communityId', 'C01')).toBe(true));
  }, SLOW);
});
