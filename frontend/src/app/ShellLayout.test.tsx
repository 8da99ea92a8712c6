import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { mockFetch, renderRoutes } from '@/test/utils';
import { ShellLayout } from './ShellLayout';

const me = {
  id: 'grid0101',
  name: '王网格',
  groups: [],
  roles: ['grid-staff'],
  scopes: { grids: ['G0101'], communities: ['C01'], departments: [] },
  menus: ['start', 'tasks', 'incidents', 'something-new'],
};

const routes = [
  { path: '/login', element: <div data-testid="login-stub" /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ShellLayout />
      </RequireAuth>
    ),
    children: [{ path: 'tasks', element: <div data-testid="page">tasks</div> }],
  },
];

// antd renders slowly in jsdom on a loaded 2-core machine.
describe('ShellLayout', { timeout: 90_000 }, () => {
  it('shows the user, and only the menu entries the server allows, in product order', async () => {
    mockFetch([{ path: '/api/me', body: me }]);
    renderRoutes(routes, '/tasks');

    expect(await screen.findByTestId('user-name')).toHaveTextContent('王网格');
    expect(screen.getByText('GridFlow 网格通')).toBeInTheDocument();
    const menu = within(screen.getByRole('menu'));
    expect(menu.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['待办', '发起', '事件']);
  });

  it('shows everyone signed in the mode of their community, a war mode in red', async () => {
    mockFetch([
      { path: '/api/me', body: me },
      {
        path: '/api/org/my-mode',
        body: { mode: 'WAR', scope: 'COMMUNITY', communities: [{ id: 'C01', name: '华中社区' }], warCommunities: [{ id: 'C01', name: '华中社区' }] },
      },
    ]);
    renderRoutes(routes, '/tasks');

    const badge = await screen.findByTestId('header-mode');
    expect(badge).toHaveTextContent('战时');
    expect(badge).toHaveAttribute('data-mode', 'WAR');
    expect(badge.className).toContain('red');
  });

  it('shows peace when no community of the user is at war', async () => {
    mockFetch([{ path: '/api/me', body: me }]);
    renderRoutes(routes, '/tasks');
    const badge = await screen.findByTestId('header-mode');
    expect(badge).toHaveTextContent('平时');
    expect(badge).toHaveAttribute('data-mode', 'PEACE');
  });

  it('switches the language and remembers it', async () => {
    mockFetch([{ path: '/api/me', body: me }]);
    renderRoutes(routes, '/tasks');
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('lang-switch'));

    await waitFor(() => expect(within(screen.getByRole('menu')).getAllByRole('menuitem')[0]).toHaveTextContent('Tasks'));
    expect(screen.getByTestId('logout')).toHaveTextContent('Log out');
    expect(window.localStorage.getItem('gridflow.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('logs out and returns to the login page', async () => {
    document.cookie = 'XSRF-TOKEN=tok; path=/';
    const { calls } = mockFetch([
      { path: '/api/me', body: me },
      { method: 'POST', path: '/api/auth/logout', status: 204 },
    ]);
    const { router } = renderRoutes(routes, '/tasks');
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('logout'));

    expect(await screen.findByTestId('login-stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/auth/logout')).toBe(true);
  });

  it('sends an anonymous visitor to the login page', async () => {
    mockFetch([{ path: '/api/me', status: 401, body: { status: 401, message: 'login required' } }]);
    const { router } = renderRoutes(routes, '/tasks');
    expect(await screen.findByTestId('login-stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });
});
