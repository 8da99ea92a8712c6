import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { Overview, Rate } from '../api/metrics';
import { DashboardPage } from './DashboardPage';

// ECharts needs a canvas; the chart's options are not what these tests check.
vi.mock('echarts-for-react', () => ({ default: () => <div data-testid="echarts" /> }));
vi.mock('@/components/bpmn/BpmnHeatmap', () => ({
  BpmnHeatmap: ({ cells, onSelect }: { cells: Record<string, { label: string }>; onSelect: (id: string) => void }) => (
    <div>
      {Object.entries(cells).map(([id, cell]) => (
        <button key={id} type="button" data-testid={`heat-${id}`} onClick={() => onSelect(id)}>{cell.label}</button>
      ))}
    </div>
  ),
}));

const rate = (numerator: number, denominator: number, numeratorFigure: string, denominatorFigure: string): Rate => ({
  numerator, denominator, rate: denominator === 0 ? null : numerator / denominator, numeratorFigure, denominatorFigure,
});

const overview: Overview = {
  from: '2026-10-29',
  to: '2026-11-27',
  total: 9,
  open: 3,
  closed: 6,
  responseRate: rate(3, 7, 'signedInTime', 'signDue'),
  onTimeRate: rate(3, 6, 'closedInTime', 'closedWithSla'),
  satisfactionRate: rate(0, 0, 'satisfied', 'rated'),
  reopenRate: rate(1, 6, 'reopened', 'closed'),
  avgHandlingMinutes: 5355,
  p90HandlingMinutes: 90,
  overdue: 2,
};

const orgTree = {
  communities: [
    { id: 'C01', name: '华中社区', grids: [{ id: 'G0101', name: '第一网格', microGrids: [] }] },
    { id: 'C02', name: '湖前社区', grids: [] },
  ],
  departments: [{ id: 'ENFORCE', name: '综合行政执法局' }],
};

function setup(entry = '/dashboard') {
  const fetch = mockFetch([
    { path: '/api/metrics/overview', body: overview },
    { path: '/api/metrics/trend', body: [] },
    {
      path: '/api/metrics/events',
      body: { items: [{ processInstanceId: 'p7', businessKey: 'EV-7', communityId: 'C01', category: 'DISPUTE', reportedAt: '2026-11-20T09:00:00.000+0800', closedAt: null, closedInTime: null, reopenCount: 0, escalationLevel: 0 }], total: 1, page: 0, size: 10 },
    },
    { path: '/api/org/tree', body: orgTree },
    { path: '/api/metrics/processes', body: [{ processKey: 'grid-event', started: 5, open: 4, completed: 1, terminated: 0 }] },
    {
      path: '/api/metrics/heatmap',
      body: { processKey: 'grid-event', definitionId: 'd1', name: '网格事件处置', xml: '<xml/>', activities: [
        { activityId: 'deptHandle', name: '部门处置', type: 'userTask', count: 4, completed: 2, waiting: 2, avgMs: 120000, p90Ms: 180000 },
      ] },
    },
    {
      path: '/api/metrics/heatmap/waiting',
      body: { items: [{ processInstanceId: 'p9', businessKey: 'EV-9', communityId: 'C01', activityId: 'deptHandle', activityName: '部门处置', since: '2026-11-26T09:00:00.000+0800' }], total: 1, page: 0, size: 10 },
    },
  ]);
  return { ...fetch, ...renderRoutes([{ path: '/dashboard', element: <DashboardPage /> }], entry) };
}

// This machine is shared and slow: antd's first renders alone can take several seconds.
const SLOW = 60_000;

describe('DashboardPage', () => {
  it('shows each overview figure with its share', async () => {
    setup();
    expect(await screen.findByTestId('figure-total')).toHaveTextContent('9');
    expect(screen.getByTestId('figure-responseRate')).toHaveTextContent('42.9%');
    expect(screen.getByTestId('figure-responseRate')).toHaveTextContent('3 / 7');
    expect(screen.getByTestId('figure-onTimeRate')).toHaveTextContent('50.0%');
    expect(screen.getByTestId('figure-satisfactionRate')).toHaveTextContent('—');
    expect(screen.getByTestId('figure-avgHandling')).toHaveTextContent('3 天 17 小时');
    expect(screen.getByTestId('figure-p90Handling')).toHaveTextContent('1 小时 30 分');
    expect(screen.getByTestId('figure-overdue')).toHaveTextContent('2');
  }, SLOW);

  it('opens the events a figure counts, with the same filter', async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByTestId('figure-onTimeRate'));
    const drawer = await screen.findByText('按时办结事件');
    expect(drawer).toBeInTheDocument();
    expect(await screen.findByText('EV-7')).toBeInTheDocument();
    const call = calls.find((c) => c.url.pathname === '/api/metrics/events');
    expect(call?.url.searchParams.get('figure')).toBe('closedInTime');
    expect(call?.url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, SLOW);

  it('filters by community', async () => {
    const { calls } = setup();
    await screen.findByTestId('figure-total');
    await userEvent.click(within(screen.getByTestId('filter-community')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('华中社区'));
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/metrics/overview'
      && c.url.searchParams.get('communityId') === 'C01')).toBe(true));
  }, SLOW);

  it('lists the instances waiting at a heat-map activity', async () => {
    const { calls } = setup('/dashboard?tab=heatmap');
    const badge = await screen.findByTestId('heat-deptHandle');
    expect(badge).toHaveTextContent('4 · 等待 2 · P90 3 分钟');
    await userEvent.click(badge);
    expect(await screen.findByText('EV-9')).toBeInTheDocument();
    expect(screen.getByText('在「部门处置」等待的实例')).toBeInTheDocument();
    const call = calls.find((c) => c.url.pathname === '/api/metrics/heatmap/waiting');
    expect(call?.url.searchParams.get('activityId')).toBe('deptHandle');
  }, SLOW);
});
