import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { routes } from '../routes';

const hrMe = {
  id: 'hr01', name: 'hr01', groups: [{ id: 'hr-admin', name: 'hr-admin' }], roles: ['hr-admin'],
  scopes: { grids: [], communities: [], departments: [] }, menus: ['tasks', 'promotion'],
};

const rec = (userId: string, performanceScore: number, performance: Record<string, unknown>) => ({
  userId, communityId: 'C02', gridId: 'G0202', employmentType: 'FULL_TIME_GRID', serviceYears: 6, birthDate: '1988-11-05',
  educationRank: 4, disciplinaryUntil: null, performanceScore, commendationBonus: 0, assessments: [], version: 0, performance,
});

describe('HrRecordsPage', () => {
  it('shows the performance a round would use and whether it came from the incident archive or the HR record', async () => {
    const { calls } = mockFetch([
      { path: '/api/me', body: hrMe },
      {
        path: '/api/promotion/hr-records',
        respond: (url) => ({
          body: {
            items: [
              rec('grid0202', 82, { year: Number(url.searchParams.get('assessmentYear') ?? 2025), source: 'ARCHIVE', score: 65,
                events: 5, closureRate: 0.8, timelinessRate: 0.6, satisfactionRate: 0.5 }),
              rec('grid0201', 90, { year: 2025, source: 'HR', score: 90, events: 0, closureRate: null, timelinessRate: null,
                satisfactionRate: null }),
            ],
            total: 2, page: 0, size: 20, assessmentYear: Number(url.searchParams.get('assessmentYear') ?? 2025),
          },
        }),
      },
    ]);
    renderRoutes(routes, '/promotion/hr-records');
    expect(await screen.findByTestId('perf-grid0202')).toHaveTextContent('65.00');
    expect(screen.getByTestId('perf-source-grid0202')).toHaveTextContent('事件归档');
    expect(screen.getByTestId('perf-source-grid0201')).toHaveTextContent('人事档案');
    expect(screen.getByText('选聘采用业绩分（2025 年）')).toBeInTheDocument();

    const year = screen.getByRole('spinbutton');
    await userEvent.clear(year);
    await userEvent.type(year, '2024');
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/promotion/hr-records' && c.url.searchParams.get('assessmentYear') === '2024')).toBe(true),
    );
    expect(calls.filter((c) => c.url.searchParams.has('assessmentYear')).map((c) => c.url.searchParams.get('assessmentYear')))
      .toEqual(['2024']);
  }, 60_000);
});
