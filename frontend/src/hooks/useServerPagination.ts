import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';

/** What a server page says of itself (the backend's pages are 0-based, with the size it chose). */
export interface PageInfo {
  total: number;
  size: number;
}

/**
 * A table paged by the server: the 0-based page to ask for, and the antd pagination that shows and changes it
 * (antd counts from 1). The size is the server's; until the first page arrives it is taken to be 20.
 */
export function useServerPagination() {
  const [page, setPage] = useState(0);
  const pagination = (data: PageInfo | undefined): TablePaginationConfig => ({
    current: page + 1,
    pageSize: data?.size ?? 20,
    total: data?.total ?? 0,
    onChange: (p) => setPage(p - 1),
    showSizeChanger: false,
  });
  return { page, setPage, pagination };
}
