import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { FilterFields, SortOrder, TaskListParams, TaskSort } from '../api/types';

export const DEFAULT_FILTER = 'all';
export const DEFAULT_PAGE_SIZE = 20;
export const FIELD_KEYS = ['processKey', 'gridId', 'communityId', 'dueBefore', 'dueAfter', 'text'] as const satisfies readonly (keyof FilterFields)[];

const SORTS: readonly TaskSort[] = ['created', 'due', 'priority'];
const ORDERS: readonly SortOrder[] = ['asc', 'desc'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function nonNegativeInt(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

export type TaskListPatch = Partial<{ [K in keyof TaskListParams]: TaskListParams[K] | undefined }>;

/**
 * The list state lives in the URL, so a task opened from the list returns to the same filter,
 * page and sort, and a filtered view can be bookmarked or shared.
 */
export function useTaskListParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<TaskListParams>(() => {
    const p: TaskListParams = {
      filter: search.get('filter') || DEFAULT_FILTER,
      page: nonNegativeInt(search.get('page'), 0),
      size: Math.min(nonNegativeInt(search.get('size'), DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE, 200),
      sort: oneOf(search.get('sort'), SORTS),
      order: oneOf(search.get('order'), ORDERS),
    };
    for (const key of FIELD_KEYS) {
      const v = search.get(key);
      if (v) p[key] = v;
    }
    return p;
  }, [search]);

  /** Applies a patch; unless the patch names a page, the result set changed and paging restarts at 0. */
  const update = useCallback(
    (patch: TaskListPatch) => {
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  return { params, update, search: search.toString() };
}

export function activeFields(params: TaskListParams): FilterFields {
  const fields: FilterFields = {};
  for (const key of FIELD_KEYS) if (params[key]) fields[key] = params[key];
  return fields;
}
