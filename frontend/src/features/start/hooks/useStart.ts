import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';
import { fetchStartable, fetchStartForm, processKeys, startProcess } from '../api/processes';

export function useStartableProcesses() {
  return useQuery({ queryKey: processKeys.startable, queryFn: fetchStartable, staleTime: 5 * 60_000 });
}

export function useStartForm(key: string, enabled: boolean) {
  return useQuery({
    queryKey: processKeys.startForm(key),
    queryFn: () => fetchStartForm(key),
    enabled,
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    // Re-importing would wipe what the user typed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useStartProcess(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: Record<string, unknown>) => startProcess(key, variables),
    // A new instance usually means new tasks and new counts.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
