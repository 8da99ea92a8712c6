import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { IncidentListParams, IncidentSort } from '../api/incidents';

export const DEFAULT_PAGE_SIZE = 20;
export const FILTER_KEYS = ['text', 'category', 'communityId', 'gridId', 'leadDept', 'status'] as const;

export type IncidentListPatch = Partial<{ [K in keyof IncidentListParams]: IncidentListParams[K] | undefined }>;

const SORTS: readonly IncidentSort[] = ['started', 'due'];

function nonNegativeInt(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Reads the list state from the URL (bookmarkable, survives opening a record and coming back). */
export function parseIncidentParams(search: URLSearchParams): IncidentListParams {
  const sort = search.get('sort');
  const order = search.get('order');
  const params: IncidentListParams = {
    page: nonNegativeInt(search.get('page'), 0),
    size: Math.min(nonNegativeInt(search.get('size'), DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, 200),
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as IncidentSort) : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
  };
  for (const key of FILTER_KEYS) {
    const v = search.get(key);
    if (v) params[key] = v;
  }
  return params;
}

/** Applies a patch to the URL state; a patch that does not name a page changes the result set, so paging restarts. */
export function applyIncidentPatch(prev: URLSearchParams, patch: IncidentListPatch): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in patch)) next.delete('page');
  // A grid belongs to one community: choosing another community drops a grid outside it.
  if ('communityId' in patch && !('gridId' in patch)) next.delete('gridId');
  return next;
}

export function useIncidentListParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseIncidentParams(search), [search]);
  const update = useCallback(
    (patch: IncidentListPatch) => setSearch((prev) => applyIncidentPatch(prev, patch), { replace: true }),
    [setSearch],
  );
  return { params, update, search: search.toString() };
}
