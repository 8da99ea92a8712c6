import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { CalendarAdminPage } from './CalendarAdminPage';

const year = dayjs().year();
const days = [
  { date: `${year}-10-01`, kind: 'HOLIDAY', name: '国庆节', updatedBy: 'admin', updatedAt: `${year}-01-02T08:00:00.000+0800` },
  { date: `${year}-10-10`, kind: 'WORKDAY', name: '国庆节调休上班', updatedBy: null, updatedAt: null },
];

function setup(put: (body: unknown) => { status?: number; body?: unknown }) {
  const { calls } = mockFetch([
    { path: '/api/calendar/days', body: days },
    { method: 'PUT', path: new RegExp(`/api/calendar/days/${year}-01-01$`), respond: (_url, init) => put(JSON.parse(String(init?.body))) },
    { method: 'DELETE', path: new RegExp(`/api/calendar/days/${year}-10-10$`), status: 204 },
    { path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } },
  ]);
  renderRoutes([{ path: '/admin/calendar', element: <CalendarAdminPage /> }], '/admin/calendar');
  return calls;
}

// antd's modal, form and date picker render slowly in jsdom on a loaded 2-core machine.
describe('CalendarAdminPage', { timeout: 90_000 }, () => {
  it('lists the year with each day kind', async () => {
    const calls = setup(() => ({ status: 200 }));
    const rows = await screen.findAllByTestId('calendar-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId('calendar-kind')).toHaveTextContent('放假');
    expect(within(rows[1]).getByTestId('calendar-kind')).toHaveTextContent('调休上班');
    expect(calls[0].url.searchParams.get('year')).toBe(String(year));
  });

  it('adds a day through PUT and shows the server refusal in the dialog, in its words', async () => {
    let answer: { status?: number; body?: unknown } = {
      status: 400,
      body: { status: 400, code: 'CALENDAR_DAY_INVALID', message: '节假日记录填写有误。', fieldErrors: [{ field: 'name', message: '“name”为必填项。' }] },
    };
    const sent: unknown[] = [];
    setup((body) => {
      sent.push(body);
      return answer;
    });
    await screen.findAllByTestId('calendar-row');
    await userEvent.click(screen.getByTestId('calendar-add'));
    fireEvent.change(await screen.findByTestId('calendar-name'), { target: { value: '元旦' } });
    await userEvent.click(screen.getByTestId('calendar-save'));
    const error = await screen.findByTestId('calendar-error');
    expect(error).toHaveTextContent('节假日记录填写有误。');
    expect(error).toHaveTextContent('“name”为必填项。');
    expect(sent[0]).toEqual({ kind: 'HOLIDAY', name: '元旦' });

    answer = { status: 200, body: { date: `${year}-01-01`, kind: 'HOLIDAY', name: '元旦' } };
    await userEvent.click(screen.getByTestId('calendar-save'));
    expect(await screen.findByText(`${year}-01-01 已保存`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('calendar-error')).not.toBeInTheDocument());
  });

  it('deletes a day after confirmation', async () => {
    const calls = setup(() => ({ status: 200 }));
    const rows = await screen.findAllByTestId('calendar-row');
    await userEvent.click(within(rows[1]).getByTestId('calendar-delete'));
    const confirm = await screen.findByRole('tooltip');
    await userEvent.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(await screen.findByText(`${year}-10-10 已删除`)).toBeInTheDocument();
  });
});
