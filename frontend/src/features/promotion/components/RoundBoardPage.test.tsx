import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes, signedInAs } from '@/test/utils';
import { routes } from '../routes';

const me = (roles: string[], id = 'hr01') => signedInAs(id, roles, ['tasks', 'promotion']);

const board = {
  roundKey: 'PR-2026-CSW_FROM_GRID',
  processInstanceId: 'p1',
  activities: ['appointShortlisted', 'waitlistExpiry'],
  annualQuota: 1,
  quotaBasis: '⌈社区专职工作者空缺 × 网格员选聘占比⌉',
  applicationClosesAt: '2026-01-19T01:00:00Z',
  waitlistExpiresAt: '2026-12-31T16:00:00Z',
  waitlist: 'grid0202',
  applications: [
    {
      roundKey: 'PR-2026-CSW_FROM_GRID', applicantId: 'grid0101', communityId: 'C01', status: 'IN_PUBLICITY', rank: 1,
      totalScore: 88, eligibilityViolations: [], facts: { writtenScore: 88, interviewScore: 90, commendationBonus: 0,
        performanceScore: 86, performanceSource: 'ARCHIVE', publicityEndAt: '2026-01-28T01:00:00Z' }, appliedAt: '2026-01-06T01:00:00Z', updatedAt: '2026-01-20T01:00:00Z',
    },
    {
      roundKey: 'PR-2026-CSW_FROM_GRID', applicantId: 'grid0202', communityId: 'C02', status: 'WAITLISTED', rank: 2,
      totalScore: 80.5, eligibilityViolations: [], facts: { writtenScore: 80, interviewScore: 80, performanceScore: 78, performanceSource: 'HR' },
      appliedAt: '2026-01-06T01:00:00Z', updatedAt: '2026-01-20T01:00:00Z',
    },
    {
      roundKey: 'PR-2026-CSW_FROM_GRID', applicantId: 'grid0102', communityId: 'C01', status: 'INELIGIBLE', rank: null,
      totalScore: null, eligibilityViolations: ['SERVICE_LT_3Y', 'NO_EXCELLENT'], facts: {},
      appliedAt: '2026-01-06T01:00:00Z', updatedAt: '2026-01-20T01:00:00Z',
    },
  ],
};

describe('RoundBoardPage', () => {
  it('shows the stage, shortlist, waitlist, scores and every failing reason, and lets HR record an objection', async () => {
    const { calls } = mockFetch([
      { path: '/api/me', body: me(['hr-admin']) },
      { path: '/api/promotion/rounds/PR-2026-CSW_FROM_GRID', body: board },
      { path: '/api/promotion/rounds/PR-2026-CSW_FROM_GRID/process', status: 404, body: { status: 404, code: 'NOT_FOUND', message: '未找到' } },
      { method: 'POST', path: '/api/promotion/rounds/PR-2026-CSW_FROM_GRID/applications/grid0101/objections', status: 202 },
    ]);
    renderRoutes(routes, '/promotion/rounds/PR-2026-CSW_FROM_GRID');

    expect(await screen.findByTestId('round-stage')).toHaveTextContent('考察公示与任用');
    expect(screen.getByTestId('round-quota')).toHaveTextContent('1');
    expect(screen.getByTestId('shortlist')).toHaveTextContent('grid0101');
    expect(screen.getByTestId('waitlist')).toHaveTextContent('grid0202');
    const applicants = within(screen.getByTestId('applicants'));
    const ineligible = applicants.getByText('grid0102').closest('tr') as HTMLElement;
    expect(within(ineligible).getByText('资格不符')).toBeInTheDocument();
    expect(within(ineligible).getByText('任职不满 3 年')).toBeInTheDocument();
    expect(within(ineligible).getByText('无优秀等次')).toBeInTheDocument();
    const first = applicants.getByText('grid0101').closest('tr') as HTMLElement;
    expect(within(first).getByText('88.00')).toBeInTheDocument();
    expect(within(first).getByTestId('perf-grid0101')).toHaveTextContent('86.00');
    expect(within(first).getByTestId('perf-source-grid0101')).toHaveTextContent('事件归档');
    expect(applicants.getByTestId('perf-source-grid0202')).toHaveTextContent('人事档案');

    await userEvent.click(within(first).getByRole('button', { name: '登记异议' }));
    await userEvent.type(await screen.findByRole('textbox'), '学历存疑');
    await userEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.pathname.endsWith('/objections'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/objections'))?.body).toEqual({ text: '学历存疑' });
  }, 60_000);

  it('offers a grid worker the apply button only while the round takes applications', async () => {
    const { calls } = mockFetch([
      { path: '/api/me', body: me(['grid-staff'], 'grid0101') },
      {
        path: '/api/promotion/rounds',
        body: {
          items: [
            { roundKey: 'PR-2026-CSW_FROM_GRID', year: 2026, postPool: 'CSW_FROM_GRID', processInstanceId: 'p1',
              openedAt: '2026-01-05T01:00:00Z', archived: false, activities: ['applicationWindow'], annualQuota: 3 },
            { roundKey: 'PR-2026-SOE_RESERVED', year: 2026, postPool: 'SOE_RESERVED', processInstanceId: 'p2',
              openedAt: '2026-01-05T01:00:00Z', archived: false, activities: ['publishCall'], annualQuota: 1 },
          ],
          total: 2, page: 0, size: 20,
        },
      },
      { method: 'POST', path: '/api/promotion/rounds/PR-2026-CSW_FROM_GRID/applications', status: 201, body: { status: 'APPLIED' } },
    ]);
    renderRoutes(routes, '/promotion');
    const apply = await screen.findByTestId('apply-PR-2026-CSW_FROM_GRID');
    expect(screen.queryByTestId('apply-PR-2026-SOE_RESERVED')).toBeNull();
    expect(screen.queryByTestId('open-round')).toBeNull();
    await userEvent.click(apply);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(await screen.findByText('报名成功')).toBeInTheDocument();
  });
});
