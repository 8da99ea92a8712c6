import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';
import {
  fetchCandidates,
  fetchTask,
  fetchTaskComments,
  fetchTaskDiagram,
  fetchTaskFilters,
  fetchTaskForm,
  fetchTaskHistory,
  fetchProcessOptions,
  fetchTasks,
  taskKeys,
} from '../api/tasks';
import type { TaskListParams } from '../api/types';

/** Counts and lists are "live": refreshed on this interval besides after every action. */
export const LIVE_REFRESH_MS = 30_000;

export function useTaskFilters() {
  return useQuery({
    queryKey: taskKeys.filters,
    queryFn: fetchTaskFilters,
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useTaskList(params: TaskListParams) {
  return useQuery({
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }) => fetchTasks(params, signal),
    refetchInterval: LIVE_REFRESH_MS,
    // Keep the old page on screen while the next one loads instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
}

const noRetryOnClientError = (failureCount: number, error: Error) =>
  !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2;

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: () => fetchTask(id),
    retry: noRetryOnClientError,
  });
}

export function useTaskForm(id: string, enabled: boolean) {
  return useQuery({
    queryKey: taskKeys.form(id),
    queryFn: () => fetchTaskForm(id),
    enabled,
    retry: noRetryOnClientError,
    // A refetch would re-import the form and wipe what the user typed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useTaskCandidates(id: string, enabled: boolean) {
  return useQuery({ queryKey: taskKeys.candidates(id), queryFn: () => fetchCandidates(id), enabled });
}

export function useTaskDiagram(id: string) {
  return useQuery({ queryKey: taskKeys.diagram(id), queryFn: () => fetchTaskDiagram(id), retry: noRetryOnClientError });
}

export function useTaskHistory(id: string) {
  return useQuery({ queryKey: taskKeys.history(id), queryFn: () => fetchTaskHistory(id), retry: noRetryOnClientError });
}

export function useTaskComments(id: string) {
  return useQuery({ queryKey: taskKeys.comments(id), queryFn: () => fetchTaskComments(id), retry: noRetryOnClientError });
}

export function useProcessOptions() {
  return useQuery({ queryKey: taskKeys.processOptions, queryFn: fetchProcessOptions, staleTime: 10 * 60_000 });
}
