import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers are final (not found, not allowed, invalid); only transient failures are retried.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
}
