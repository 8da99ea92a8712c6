import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Ref, useImperativeHandle } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FormJsHandle, FormJsSubmitResult } from '@/components/form-js/FormJsViewer';
import { StartFormPage } from '@/features/start/components/StartFormPage';
import { type MockRoute, mockFetch, renderRoutes } from '@/test/utils';

// form-js needs a real browser; the start page submits whatever the stand-in reports.
vi.mock('@/components/form-js/FormJsViewer', () => ({
  FormJsViewer: ({ onSubmit, ref }: { onSubmit: (r: FormJsSubmitResult) => void; ref?: Ref<FormJsHandle> }) => {
    useImperativeHandle(ref, () => ({
      submit: () => onSubmit({ data: { gridId: 'G0101', category: 'FOOD', description: '过期食品' }, errors: {} }),
    }));
    return <div data-testid="form-js" />;
  },
}));

function setup(photosAnswer: () => { status?: number; body?: unknown }) {
  const routes: MockRoute[] = [
    { path: '/api/processes/startable', body: [{ key: 'grid-event', name: '网格事件', version: 1, hasStartForm: true }] },
    { path: '/api/processes/grid-event/start-form', body: { schema: { type: 'default', components: [] }, data: {} } },
    { method: 'POST', path: '/api/processes/grid-event/start', status: 201, body: { processInstanceId: 'p1', businessKey: 'EV-20261127-00009' } },
    { method: 'POST', path: '/api/incidents/EV-20261127-00009/photos', respond: photosAnswer },
    { path: '/api/auth/csrf', body: { token: 't', headerName: 'X-XSRF-TOKEN' } },
  ];
  const { calls } = mockFetch(routes);
  renderRoutes([{ path: '/start/:key', element: <StartFormPage /> }], '/start/grid-event');
  return calls;
}

async function pickAndSubmit() {
  const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'scene.png', { type: 'image/png' });
  const gif = new File([new Uint8Array([0x47, 0x49, 0x46])], 'anim.gif', { type: 'image/gif' });
  fireEvent.change(await screen.findByTestId('photo-input'), { target: { files: [png, gif] } });
  expect(await screen.findByText('anim.gif 不是 JPEG、PNG 或 WebP 图片')).toBeInTheDocument();
  expect(screen.getAllByTestId('photo-picked').map((el) => el.textContent)).toEqual(['scene.png']);
  await userEvent.click(screen.getByTestId('start-submit'));
}

describe('patrol report photos on the start page', { timeout: 90_000 }, () => {
  it('stores the picked photos with the event it started and links to its record', async () => {
    const calls = setup(() => ({ status: 201, body: { attachmentIds: ['a1'] } }));
    await pickAndSubmit();
    expect(await screen.findByTestId('photos-uploaded')).toHaveTextContent('已上传 1 张照片');
    const upload = calls.find((c) => c.url.pathname.endsWith('/photos'));
    expect(upload?.body).toEqual({ photos: [{ fileName: 'scene.png', contentType: 'image/png', base64: 'iVBORw==' }] });
    expect(screen.getByTestId('start-view-incident')).toHaveAttribute('href', '/incidents/EV-20261127-00009');
  });

  it('says the event exists when the photos are refused and lets the user try again', async () => {
    let answer: { status?: number; body?: unknown } = {
      status: 400,
      body: { status: 400, code: 'INCIDENTVIEW_PHOTOS_INVALID', message: '照片未被接受', fieldErrors: [{ field: 'photos[0]', message: '照片 scene.png 超过 2 MB。' }] },
    };
    const calls = setup(() => answer);
    await pickAndSubmit();
    const failed = await screen.findByTestId('photos-failed');
    expect(failed).toHaveTextContent('事件已上报，但照片上传失败：照片未被接受');
    expect(failed).toHaveTextContent('照片 scene.png 超过 2 MB。');
    expect(screen.getByTestId('start-business-key')).toHaveTextContent('EV-20261127-00009');

    answer = { status: 201, body: { attachmentIds: ['a1'] } };
    await userEvent.click(screen.getByRole('button', { name: '重新上传照片' }));
    expect(await screen.findByTestId('photos-uploaded')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.url.pathname.endsWith('/photos'))).toHaveLength(2));
    expect(calls.filter((c) => c.url.pathname === '/api/processes/grid-event/start')).toHaveLength(1);
  });
});
