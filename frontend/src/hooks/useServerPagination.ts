import type { PaginationProps } from 'antd';
import { useState } from 'react';

/** What a server page says of itself (the backend's pages are 0-based, with the size it chose). */
export interface PageInfo {
  total: number;
  size: number;
}

export interface ServerPaginationOptions {
  /** The size to ask the server for, and to show until its first page has come. */
  pageSize?: number;
  /** Let the user choose the size: the size asked for is then theirs (`size`), shown as they chose it. */
  sizeChanger?: boolean;
}

/**
 * A table or list paged by the server: the 0-based page (and size) to ask for, and the antd pagination that shows
 * and changes them (antd counts from 1). Without a size changer the size shown is the server's, which may have
 * clamped what was asked.
 */
export function useServerPagination({ pageSize = 20, sizeChanger = false }: ServerPaginationOptions = {}) {
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(pageSize);
  const pagination = (data: PageInfo | undefined): PaginationProps => ({
    current: page + 1,
    pageSize: sizeChanger ? size : data?.size ?? size,
    total: data?.total ?? 0,
    onChange: (p, s) => {
      setPage(p - 1);
      if (sizeChanger) setSize(s);
    },
    showSizeChanger: sizeChanger,
  });
  return { page, setPage, size, pagination };
}
