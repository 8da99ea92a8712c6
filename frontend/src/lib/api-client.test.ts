import { beforeEach, describe, expect, it } from 'vitest';
import { mockFetch } from '@/test/utils';
import { api, buildUrl, CSRF_HEADER, setUnauthorizedHandler } from './api-client';
import { ApiError } from './api-error';
import { changeLanguage } from './i18n';

describe('api client', () => {
  beforeEach(() => setUnauthorizedHandler(undefined));

  it('echoes the XSRF-TOKEN cookie as X-XSRF-TOKEN on POST, and not on GET', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/';
    const { calls } = mockFetch([
      { method: 'POST', path: '/api/tasks/t1/claim', status: 204 },
      { path: '/api/me', body: { id: 'u' } },
    ]);

    await api.post('/api/tasks/t1/claim');
    await api.get('/api/me');

    expect(calls[0].method).toBe('POST');
    expect(calls[0].headers.get(CSRF_HEADER)).toBe('abc=123');
    expect(calls[1].headers.get(CSRF_HEADER)).toBeNull();
  });

  it('asks the server for a CSRF token before the first POST when the cookie is missing', async () => {
    const { calls } = mockFetch([
      {
        path: '/api/auth/csrf',
        respond: () => {
          document.cookie = 'XSRF-TOKEN=fresh; path=/';
          return { body: { token: 'masked', headerName: 'X-XSRF-TOKEN' } };
        },
      },
      { method: 'POST', path: '/api/auth/login', body: { id: 'u' } },
    ]);

    await api.post('/api/auth/login', { username: 'a', password: 'b' });

    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/auth/csrf', '/api/auth/login']);
    expect(calls[1].headers.get(CSRF_HEADER)).toBe('fresh');
    expect(calls[1].headers.get('Content-Type')).toBe('application/json');
    expect(calls[1].body).toEqual({ username: 'a', password: 'b' });
  });

  it('retries a POST once with a fresh token after a 403 caused by a rotated token', async () => {
    document.cookie = 'XSRF-TOKEN=stale; path=/';
    let posts = 0;
    const { calls } = mockFetch([
      {
        path: '/api/auth/csrf',
        respond: () => {
          document.cookie = 'XSRF-TOKEN=rotated; path=/';
          return { body: { token: 'x', headerName: 'X-XSRF-TOKEN' } };
        },
      },
      {
        method: 'POST',
        path: '/api/tasks/t1/claim',
        respond: () => (++posts === 1 ? { status: 403, body: { status: 403, message: 'csrf' } } : { status: 204 }),
      },
    ]);

    await expect(api.post('/api/tasks/t1/claim')).resolves.toBeUndefined();
    const postHeaders = calls.filter((c) => c.method === 'POST').map((c) => c.headers.get(CSRF_HEADER));
    expect(postHeaders).toEqual(['stale', 'rotated']);
  });

  it('sends Accept-Language of the current UI language', async () => {
    const { calls } = mockFetch([{ path: '/api/me', body: {} }]);

    await api.get('/api/me');
    await changeLanguage('en');
    await api.get('/api/me');

    expect(calls[0].headers.get('Accept-Language')).toBe('zh-CN');
    expect(calls[1].headers.get('Accept-Language')).toBe('en');
  });

  it('turns the error JSON into an ApiError carrying status, code, message and field errors', async () => {
    document.cookie = 'XSRF-TOKEN=t; path=/';
    mockFetch([
      {
        method: 'POST',
        path: '/api/tasks/t1/complete',
        status: 400,
        body: {
          status: 400,
          code: 'FORM_INVALID',
          message: '表单校验失败',
          fieldErrors: [
            { field: 'description', message: '不能为空' },
            { field: 'urgency', message: '取值无效' },
            { nonsense: true },
          ],
        },
      },
    ]);

    const error = await api.post('/api/tasks/t1/complete', { variables: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('FORM_INVALID');
    expect(apiError.message).toBe('表单校验失败');
    expect(apiError.fieldErrors).toEqual([
      { field: 'description', message: '不能为空' },
      { field: 'urgency', message: '取值无效' },
    ]);
  });

  it('falls back to a localized message when the error body is not JSON', async () => {
    mockFetch([{ path: '/api/tasks/x', respond: () => ({ status: 404 }) }]);
    const error = (await api.get('/api/tasks/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(404);
    expect(error.message).toBe('内容不存在或您无权查看');
    expect(error.fieldErrors).toEqual([]);
  });

  it('reports a 401 to the session handler, except for the login call itself', async () => {
    let expired = 0;
    setUnauthorizedHandler(() => expired++);
    document.cookie = 'XSRF-TOKEN=t; path=/';
    mockFetch([
      { path: '/api/tasks', status: 401, body: { status: 401, message: 'no session' } },
      { method: 'POST', path: '/api/auth/login', status: 401, body: { message: '用户名或密码错误' } },
    ]);

    await expect(api.get('/api/tasks')).rejects.toMatchObject({ status: 401, message: 'no session' });
    await expect(api.post('/api/auth/login', {})).rejects.toMatchObject({ status: 401, message: '用户名或密码错误' });
    expect(expired).toBe(1);
  });

  it('maps network failures to an ApiError with status 0', async () => {
    const fail = () => Promise.reject(new TypeError('Failed to fetch'));
    globalThis.fetch = fail as typeof fetch;
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('leaves empty query values out of the URL and encodes the rest', () => {
    expect(buildUrl('/api/tasks', { filter: 'all', text: '', gridId: undefined, dueBefore: '2026-11-27T08:00:00.000+0800', page: 0 })).toBe(
      '/api/tasks?filter=all&dueBefore=2026-11-27T08%3A00%3A00.000%2B0800&page=0',
    );
  });
});
