import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { vi } from 'vitest';
import { AppProviders } from '@/app/providers';

export interface MockRoute {
  method?: string;
  /** Matched against the path without the query string, or a RegExp against the full URL. */
  path: string | RegExp;
  status?: number;
  body?: unknown;
  /** Lets a test answer differently per call or inspect the request. */
  respond?: (url: URL, init: RequestInit | undefined) => { status?: number; body?: unknown };
}

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

function jsonResponse(status: number, body: unknown): Response {
  if (status === 204 || body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Requests the app shell makes on every page (the header's 平时/战时 badge): answered with a quiet default when a
 * test names no route for them, so a test of one page need not know the shell. Not recorded in `calls`.
 */
export const SHELL_ROUTES: MockRoute[] = [
  { path: '/api/org/my-mode', body: { mode: 'PEACE', scope: 'CITY', communities: [], warCommunities: [] } },
];

/** The `/api/me` answer for a user in these role groups (each its own group), without place scopes. */
export function signedInAs(id: string, roles: string[], menus: string[] = ['tasks']) {
  return {
    id,
    name: id,
    groups: roles.map((r) => ({ id: r, name: r })),
    roles,
    scopes: { grids: [], communities: [], departments: [] },
    menus,
  };
}

/**
 * Replaces globalThis.fetch with a router over canned answers and records each call.
 * An unmatched request fails the test loudly instead of hanging (the shell's own requests excepted: SHELL_ROUTES).
 */
export function mockFetch(routes: MockRoute[]) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const matches = (r: MockRoute) =>
      (r.method ?? 'GET').toUpperCase() === method &&
      (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.href));
    const shell = routes.some(matches) ? undefined : SHELL_ROUTES.find(matches);
    if (shell) return jsonResponse(shell.status ?? 200, shell.body);
    calls.push({ method, url, headers: new Headers(init?.headers), body });
    const route = routes.find(matches);
    if (!route) throw new Error(`unexpected request in test: ${method} ${url.pathname}${url.search}`);
    if (route.respond) {
      const answer = route.respond(url, init);
      return jsonResponse(answer.status ?? 200, answer.body);
    }
    return jsonResponse(route.status ?? 200, route.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, refetchInterval: false }, mutations: { retry: false } },
  });
}

export function renderRoutes(routes: RouteObject[], initialEntry: string, queryClient = testQueryClient()) {
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}

export function renderWithProviders(ui: ReactElement, queryClient = testQueryClient()) {
  return render(<AppProviders queryClient={queryClient}>{ui}</AppProviders>);
}
