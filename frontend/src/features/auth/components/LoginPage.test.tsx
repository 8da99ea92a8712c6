import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { LoginPage } from './LoginPage';

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/tasks', element: <div data-testid="tasks-stub">tasks</div> },
];

const me = {
  id: 'grid0101',
  name: '王网格',
  groups: [],
  roles: ['grid-staff'],
  scopes: { grids: ['G0101'], communities: ['C01'], departments: [] },
  menus: ['tasks', 'start'],
};

function csrfRoute() {
  return {
    path: '/api/auth/csrf',
    respond: () => {
      document.cookie = 'XSRF-TOKEN=tok; path=/';
      return { body: { token: 'tok', headerName: 'X-XSRF-TOKEN' } };
    },
  };
}

describe('LoginPage', () => {
  it('fetches the CSRF cookie first and shows the server message on 401', async () => {
    const { calls } = mockFetch([
      csrfRoute(),
      { path: '/api/me', status: 401, body: { status: 401, message: '未登录' } },
      { method: 'POST', path: '/api/auth/login', status: 401, body: { message: '用户名或密码错误' } },
    ]);
    renderRoutes(routes, '/login');
    const user = userEvent.setup();

    await user.type(await screen.findByTestId('login-username'), 'grid0101');
    await user.type(screen.getByTestId('login-password'), 'wrong');
    await user.click(screen.getByTestId('login-submit'));

    expect(await screen.findByTestId('login-error')).toHaveTextContent('用户名或密码错误');
    expect(screen.queryByTestId('tasks-stub')).not.toBeInTheDocument();

    const loginCall = calls.find((c) => c.url.pathname === '/api/auth/login');
    expect(calls.findIndex((c) => c.url.pathname === '/api/auth/csrf')).toBeLessThan(calls.indexOf(loginCall!));
    expect(loginCall?.headers.get('X-XSRF-TOKEN')).toBe('tok');
    expect(loginCall?.body).toEqual({ username: 'grid0101', password: 'wrong' });
  });

  it('goes to /tasks after a successful login', async () => {
    mockFetch([
      csrfRoute(),
      { path: '/api/me', status: 401 },
      { method: 'POST', path: '/api/auth/login', body: me },
    ]);
    const { router } = renderRoutes(routes, '/login');
    const user = userEvent.setup();

    await user.type(await screen.findByTestId('login-username'), 'grid0101');
    await user.type(screen.getByTestId('login-password'), 'demo');
    await user.click(screen.getByTestId('login-submit'));

    expect(await screen.findByTestId('tasks-stub')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
  });

  it('does not send the form without username and password', async () => {
    const { calls } = mockFetch([csrfRoute(), { path: '/api/me', status: 401 }]);
    renderRoutes(routes, '/login');
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('login-submit'));

    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(calls.some((c) => c.url.pathname === '/api/auth/login')).toBe(false);
  });
});
