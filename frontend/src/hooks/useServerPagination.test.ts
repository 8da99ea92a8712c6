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

describe('useServerPagination with options', () => {
  it('shows the size it asks for until the server answers', () => {
    const { result } = renderHook(() => useServerPagination({ pageSize: 10 }));
    expect(result.current.size).toBe(10);
    expect(result.current.pagination(undefined)).toMatchObject({ pageSize: 10, showSizeChanger: false });
  });

  it('asks for the size the user picks when it offers a size changer', () => {
    const { result } = renderHook(() => useServerPagination({ sizeChanger: true }));
    act(() => result.current.pagination({ total: 200, size: 20 }).onChange?.(2, 50));
    expect(result.current.size).toBe(50);
    expect(result.current.page).toBe(1);
    // the page of 20 still shown is not what the pager says: the pager shows the size asked for
    expect(result.current.pagination({ total: 200, size: 20 })).toMatchObject({ current: 2, pageSize: 50, showSizeChanger: true });
  });
});
