import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useServerPagination } from './useServerPagination';

describe('useServerPagination', () => {
  it('asks for the 0-based page the user picks in the 1-based pager, with the server’s size and total', () => {
    const { result } = renderHook(() => useServerPagination());
    expect(result.current.page).toBe(0);
    expect(result.current.pagination({ total: 45, size: 10 })).toMatchObject({ current: 1, pageSize: 10, total: 45 });

    act(() => result.current.pagination({ total: 45, size: 10 }).onChange?.(3, 10));
    expect(result.current.page).toBe(2);
    expect(result.current.pagination({ total: 45, size: 10 }).current).toBe(3);

    act(() => result.current.setPage(0));
    expect(result.current.pagination({ total: 45, size: 10 }).current).toBe(1);
  });

  it('shows an empty pager of 20 until the first page has come, and never offers another size', () => {
    const { result } = renderHook(() => useServerPagination());
    expect(result.current.pagination(undefined)).toMatchObject({ current: 1, pageSize: 20, total: 0, showSizeChanger: false });
  });
});
