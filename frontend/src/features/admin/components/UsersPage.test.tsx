import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { UsersPage } from './UsersPage';

const zhang = { id: 'grid0101', firstName: '伟', lastName: '张', name: '张伟', email: null, groups: ['grid-staff', 'grid-staff:G0101'] };
const admin = { id: 'admin', firstName: '管理员', lastName: '', name: '管理员', email: 'admin@gridflow.local', groups: ['camunda-admin'] };
const groups = {
  items: [
    { id: 'grid-staff', name: '专职网格员', type: 'role', members: 4 },
    { id: 'grid-staff:G0202', name: '专职网格员 · 湖前社区第二网格', type: 'grid', members: 1 },
  ],
  total: 2,
  page: 0,
  size: 50,
};
const csrf = { path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } };

function type(testId: string, value: string) {
  const field = screen.getByTestId(testId);
  const input = field.tagName === 'INPUT' ? field : field.querySelector('input')!;
  fireEvent.change(input, { target: { value } });
}

// antd's table, drawer and select render slowly in jsdom on a loaded 2-core machine.
describe('UsersPage', { timeout: 90_000 }, () => {
  it('lists users with their groups, searches and pages on the server', async () => {
    const { calls } = mockFetch([
      {
        path: '/api/admin/users',
        respond: (url) => ({
          body: { items: url.searchParams.get('q') ? [zhang] : [admin, zhang], total: url.searchParams.get('q') ? 1 : 45, page: Number(url.searchParams.get('page')), size: 20 },
        }),
      },
    ]);
    renderRoutes([{ path: '/admin/users', element: <UsersPage /> }], '/admin/users');
    const rows = await screen.findAllByTestId('user-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('张伟');
    expect(within(rows[1]).getByText('grid-staff:G0101')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('admin@gridflow.local');

    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('page')).toBe('1'));

    const search = screen.getByTestId('user-search').querySelector('input')!;
    fireEvent.change(search, { target: { value: '张' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('q')).toBe('张'));
    expect(calls.at(-1)?.url.searchParams.get('page')).toBe('0');
    await waitFor(() => expect(screen.getAllByTestId('user-row')).toHaveLength(1));
  });

  it('creates a user with groups, checks the password first and shows why the server refused', async () => {
    const { calls } = mockFetch([
      { path: '/api/admin/users', body: { items: [zhang], total: 1, page: 0, size: 20 } },
      { path: '/api/admin/groups', body: groups },
      csrf,
      {
        method: 'POST',
        path: '/api/admin/users',
        status: 409,
        body: { status: 409, code: 'ADMIN_USER_EXISTS', message: '用户名“zhaoxin”已存在（不区分大小写）。', fieldErrors: [] },
      },
    ]);
    renderRoutes([{ path: '/admin/users', element: <UsersPage /> }], '/admin/users');
    await screen.findAllByTestId('user-row');

    fireEvent.click(screen.getByTestId('user-add'));
    await screen.findByTestId('user-id');
    type('user-id', 'zhaoxin');
    type('user-last-name', '赵');
    type('user-first-name', '新');
    type('user-password-input', 'short');
    fireEvent.mouseDown(screen.getByTestId('user-groups').querySelector('.ant-select-selector') ?? screen.getByTestId('user-groups'));
    fireEvent.click(await screen.findByTitle('grid-staff:G0202 · 专职网格员 · 湖前社区第二网格'));
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText('密码须为 8 至 128 个字符')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    type('user-password-input', 'Start-1234');
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByTestId('user-error')).toHaveTextContent('已存在');
    const post = calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/admin/users');
    expect(post?.body).toMatchObject({ id: 'zhaoxin', lastName: '赵', firstName: '新', password: 'Start-1234', groups: ['grid-staff:G0202'] });
  });

  it('edits name, e-mail and groups in one request and resets a password', async () => {
    const { calls } = mockFetch([
      { path: '/api/admin/users', body: { items: [zhang], total: 1, page: 0, size: 20 } },
      { path: '/api/admin/groups', body: groups },
      csrf,
      { method: 'PUT', path: '/api/admin/users/grid0101', body: { ...zhang, email: 'zw@gridflow.local' } },
      { method: 'PUT', path: '/api/admin/users/grid0101/password', status: 204 },
    ]);
    renderRoutes([{ path: '/admin/users', element: <UsersPage /> }], '/admin/users');
    fireEvent.click((await screen.findAllByTestId('user-edit'))[0]);
    await screen.findByTestId('user-email');
    expect(screen.queryByTestId('user-id')).not.toBeInTheDocument();
    type('user-email', 'zw@gridflow.local');
    fireEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText('用户 grid0101 已保存')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT' && c.url.pathname === '/api/admin/users/grid0101');
    expect(put?.body).toMatchObject({ lastName: '张', firstName: '伟', email: 'zw@gridflow.local', groups: ['grid-staff', 'grid-staff:G0101'] });
    expect(put?.body).not.toHaveProperty('password');

    fireEvent.click(screen.getByTestId('user-password'));
    type('password-new', 'Second-5678');
    fireEvent.click(await screen.findByTestId('password-save'));
    expect(await screen.findByText('grid0101 的密码已重置')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/admin/users/grid0101/password')?.body).toEqual({ password: 'Second-5678' });
  });
});
