import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { DutyRosterPage } from './DutyRosterPage';

const org = {
  communities: [
    {
      id: 'C01',
      name: '华中社区',
      grids: [{ id: 'G0101', name: '第一网格', microGrids: [{ id: 'G010101', name: '第一网格·第1微网格' }] }],
    },
  ],
  departments: [],
};
const entry = {
  id: 'd1',
  microGridId: 'G010101',
  communityId: 'C01',
  personName: '陈静',
  userId: 'parttime0101',
  role: '微网格长',
  shift: '全天',
  phone: '13800000101',
  updatedBy: '系统',
  updatedAt: '2026-11-27T08:00:00.000+0800',
};

// antd's table and modal render slowly in jsdom on a loaded 2-core machine.
describe('DutyRosterPage', { timeout: 90_000 }, () => {
  it('lists the rosters by micro-grid and shows why the server refused a new entry', async () => {
    const { calls } = mockFetch([
      { path: '/api/duty-rosters', body: [entry] },
      { path: '/api/org/tree', body: org },
      { path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } },
      {
        method: 'POST',
        path: '/api/duty-rosters',
        status: 400,
        body: { code: 'DUTY_ROSTER_PHONE_INVALID', message: '“call me”不是电话号码。' },
      },
    ]);
    renderRoutes([{ path: '/admin/duty', element: <DutyRosterPage /> }], '/admin/duty');
    const row = await screen.findByTestId('duty-row');
    await waitFor(() => expect(row).toHaveTextContent('第一网格·第1微网格'));
    expect(row).toHaveTextContent('陈静（parttime0101）');
    expect(row).toHaveTextContent('13800000101');

    fireEvent.click(screen.getByTestId('duty-add'));
    fireEvent.change(await screen.findByTestId('duty-person'), { target: { value: '吴建国' } });
    fireEvent.change(screen.getByTestId('duty-role'), { target: { value: '楼栋长' } });
    fireEvent.change(screen.getByTestId('duty-shift'), { target: { value: '夜班' } });
    fireEvent.change(screen.getByTestId('duty-phone'), { target: { value: 'call me' } });
    fireEvent.mouseDown(screen.getByTestId('duty-micro-grid').querySelector('.ant-select-selector') ?? screen.getByTestId('duty-micro-grid'));
    fireEvent.click(await screen.findByTitle('第一网格·第1微网格'));
    fireEvent.click(screen.getByTestId('duty-save'));

    expect(await screen.findByTestId('duty-error')).toHaveTextContent('不是电话号码');
    const post = calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/duty-rosters');
    expect(post?.body).toMatchObject({ microGridId: 'G010101', personName: '吴建国', phone: 'call me' });
  });
});
