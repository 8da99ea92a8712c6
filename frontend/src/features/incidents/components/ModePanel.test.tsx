import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { ModePanel } from './ModePanel';

const org = {
  communities: [
    { id: 'C01', name: '华中社区', grids: [] },
    { id: 'C02', name: '湖前社区', grids: [] },
  ],
  departments: [],
};

function setup(startable: { key: string }[]) {
  mockFetch([
    { path: '/api/org/tree', body: org },
    { path: '/api/org/modes', body: { C02: 'WAR' } },
    {
      path: '/api/duty-rosters/active',
      body: [
        {
          communityId: 'C02',
          microGridId: 'G020101',
          microGridName: '湖前社区第一网格·第1微网格',
          personName: '吴建国',
          role: '楼栋长',
          shift: '夜班',
          phone: '13900000102',
          activatedAt: '2026-11-27T02:00:00Z',
        },
      ],
    },
    { path: '/api/processes/startable', body: startable.map((p) => ({ ...p, name: p.key, version: 1, hasStartForm: true })) },
  ]);
  return renderRoutes(
    [
      { path: '/incidents', element: <ModePanel /> },
      { path: '/start/:key', element: <div data-testid="start-stub" /> },
    ],
    '/incidents',
  );
}

// antd renders slowly in jsdom on a loaded 2-core machine.
describe('ModePanel', { timeout: 90_000 }, () => {
  it('shows each community at peace unless the server lists it in war mode', async () => {
    setup([]);
    expect(await screen.findByTestId('mode-tag-C02')).toHaveAttribute('data-mode', 'WAR');
    expect(screen.getByTestId('mode-tag-C02')).toHaveTextContent('战时');
    expect(screen.getByTestId('mode-tag-C01')).toHaveAttribute('data-mode', 'PEACE');
    expect(screen.queryByTestId('mode-switch-start')).not.toBeInTheDocument();
  });

  it('lists who stands duty in the micro-grids of a community at war', async () => {
    setup([]);
    const duty = await screen.findByTestId('duty-C02');
    expect(duty).toHaveTextContent('微网格值守人员');
    expect(duty).toHaveTextContent('湖前社区第一网格·第1微网格 · 吴建国（楼栋长，夜班）');
    expect(duty).toHaveTextContent('13900000102');
    expect(screen.queryByTestId('duty-C01')).not.toBeInTheDocument();
  });

  it('lets whoever may start the mode switch open its start form', async () => {
    const { router } = setup([{ key: 'mode-switch' }]);
    (await screen.findByTestId('mode-switch-start')).click();
    expect(await screen.findByTestId('start-stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/start/mode-switch');
  });
});
