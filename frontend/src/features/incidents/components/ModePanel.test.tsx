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

  it('lets whoever may start the mode switch open its start form', async () => {
    const { router } = setup([{ key: 'mode-switch' }]);
    (await screen.findByTestId('mode-switch-start')).click();
    expect(await screen.findByTestId('start-stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/start/mode-switch');
  });
});
