import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import type { TaskFilter, TaskSummary } from '../api/types';
import { TaskListPage } from './TaskListPage';

const filters: TaskFilter[] = [
  { id: 'mine', name: '我的任务', nameEn: 'My tasks', builtIn: true, criteria: { scope: 'mine' }, count: 3 },
  { id: 'group', name: '待认领', nameEn: 'Claimable', builtIn: true, criteria: { scope: 'group' }, count: 12 },
  { id: 'all', name: '全部', nameEn: 'All', builtIn: true, criteria: { scope: 'all' }, count: 15 },
  { id: 'f-42', name: '一网格超期', builtIn: false, criteria: { scope: 'all', gridId: 'G0101' }, count: 2 },
];

function task(overrides: Partial<TaskSummary>): TaskSummary {
  return {
    id: 't1',
    name: '受理核实',
    taskDefinitionKey: 'triage',
    processDefinitionKey: 'grid-event',
    processName: '事件上报',
    processInstanceId: 'p1',
    businessKey: 'EV-2026-0001',
    title: '井盖破损 东一路',
    assignee: null,
    assigneeName: null,
    candidateGroups: ['grid-G0101'],
    created: '2026-11-27T08:00:00.000+0800',
    due: '2026-11-28T17:00:00.000+0800',
    priority: 50,
    gridId: 'G0101',
    communityId: 'C01',
    sla: 'ON_TIME',
    ...overrides,
  };
}

const page = {
  items: [
    task({}),
    task({ id: 't2', name: '网格内处置', title: '占道经营 西二路', businessKey: 'EV-2026-0002', assignee: 'grid0101', assigneeName: '王网格', sla: 'OVERDUE' }),
  ],
  total: 2,
  page: 0,
  size: 20,
};

const orgTree = {
  communities: [{ id: 'C01', name: '龙港社区', grids: [{ id: 'G0101', name: '第一网格', microGrids: [] }] }],
  departments: [],
};

const routes = [
  { path: '/tasks', element: <TaskListPage /> },
  { path: '/tasks/:id', element: <div data-testid="detail-stub">detail</div> },
];

function setup() {
  const fetch = mockFetch([
    { path: '/api/task-filters', body: filters },
    { path: '/api/tasks', body: page },
    { path: '/api/processes/startable', body: [{ key: 'grid-event', name: '事件上报', version: 1, hasStartForm: true }] },
    { path: '/api/org/tree', body: orgTree },
  ]);
  return { ...fetch, ...renderRoutes(routes, '/tasks') };
}

describe('TaskListPage', () => {
  it('shows every filter with its live count', async () => {
    setup();
    expect(await screen.findByTestId('filter-count-mine')).toHaveTextContent('3');
    expect(screen.getByTestId('filter-count-group')).toHaveTextContent('12');
    expect(screen.getByTestId('filter-count-all')).toHaveTextContent('15');
    expect(screen.getByTestId('filter-f-42')).toHaveTextContent('一网格超期');
    expect(screen.getByTestId('filter-count-f-42')).toHaveTextContent('2');
    // Only saved filters can be deleted.
    expect(screen.getByTestId('filter-delete-f-42')).toBeInTheDocument();
    expect(screen.queryByTestId('filter-delete-mine')).not.toBeInTheDocument();
  });

  it('renders one row per task with title, business key, grid name, assignee and SLA', async () => {
    setup();
    const rows = await screen.findAllByTestId('task-row');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.getAttribute('data-task-name'))).toEqual(['受理核实', '网格内处置']);

    const first = within(rows[0]);
    expect(first.getByText('井盖破损 东一路')).toBeInTheDocument();
    expect(first.getByText('EV-2026-0001')).toBeInTheDocument();
    expect(first.getByText('第一网格')).toBeInTheDocument();
    expect(first.getByText('待认领')).toBeInTheDocument();
    expect(first.getByTestId('sla-tag')).toHaveTextContent('正常');

    const second = within(rows[1]);
    expect(second.getByText('王网格')).toBeInTheDocument();
    expect(second.getByTestId('sla-tag')).toHaveTextContent('已超期');
  });

  it('queries the default filter first, then the filter the user picks', async () => {
    const { calls } = setup();
    const user = userEvent.setup();
    await screen.findAllByTestId('task-row');

    const firstList = calls.find((c) => c.url.pathname === '/api/tasks');
    expect(firstList?.url.searchParams.get('filter')).toBe('all');
    expect(firstList?.url.searchParams.get('page')).toBe('0');
    expect(firstList?.url.searchParams.get('size')).toBe('20');

    await user.click(screen.getByTestId('filter-group'));
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/tasks' && c.url.searchParams.get('filter') === 'group')).toBe(true),
    );
    expect(screen.getByTestId('filter-group')).toHaveAttribute('data-active', 'true');
  });

  it('sorts on the server when a sortable header is clicked', async () => {
    const { calls } = setup();
    const user = userEvent.setup();
    await screen.findAllByTestId('task-row');

    await user.click(screen.getAllByRole('columnheader').find((h) => h.textContent?.includes('到期时间'))!);
    await waitFor(() =>
      expect(
        calls.some((c) => c.url.pathname === '/api/tasks' && c.url.searchParams.get('sort') === 'due'),
      ).toBe(true),
    );
  });

  it('opens the task detail when a row is clicked', async () => {
    const { router } = setup();
    const user = userEvent.setup();
    const rows = await screen.findAllByTestId('task-row');

    await user.click(within(rows[1]).getByText('占道经营 西二路'));

    expect(await screen.findByTestId('detail-stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/t2');
  });
});
