import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderRoutes } from '@/test/utils';
import { OutboxPage } from './OutboxPage';

const items = [
  { id: 'n1', kind: 'RED', recipientKind: 'GROUP', recipient: 'sgc-supervisor', subject: '督办', businessKey: 'EV-20261127-00001', created: '2026-11-27T08:00:00.000+0800', sentAt: '2026-11-27T08:00:01.000+0800' },
  { id: 'n2', kind: 'YELLOW', recipientKind: 'USER', recipient: 'enforce', subject: '预警', businessKey: null, created: '2026-11-27T08:00:00.000+0800', sentAt: null },
];

// antd's table and popups render slowly in jsdom on a loaded 2-core machine.
describe('OutboxPage', { timeout: 90_000 }, () => {
  it('shows what was sent and what is pending, filters on the server and resends', async () => {
    const { calls } = mockFetch([
      { path: '/api/notifications', respond: (url) => ({ body: { items: url.searchParams.get('status') === 'PENDING' ? [items[1]] : items, total: 2 } }) },
      { method: 'POST', path: '/api/notifications/resend-pending', body: { sent: 1 } },
      { path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } },
    ]);
    renderRoutes([{ path: '/admin/notifications', element: <OutboxPage /> }], '/admin/notifications');
    expect(await screen.findAllByTestId('outbox-row')).toHaveLength(2);
    expect(screen.getByTestId('outbox-pending')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'EV-20261127-00001' })).toHaveAttribute('href', '/incidents/EV-20261127-00001');

    const search = screen.getByTestId('outbox-text').querySelector('input')!;
    fireEvent.change(search, { target: { value: 'EV-2026' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls.at(-1)?.url.searchParams.get('text')).toBe('EV-2026'));

    await userEvent.click(screen.getByTestId('outbox-resend'));
    expect(await screen.findByText('已重发 1 条通知')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/notifications/resend-pending')).toBe(true);
  });
});
