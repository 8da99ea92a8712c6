import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addTaskComment,
  assignTask,
  claimTask,
  completeTask,
  createTaskFilter,
  deleteTaskFilter,
  taskKeys,
  unclaimTask,
} from '../api/tasks';
import type { NewTaskFilter, Variables } from '../api/types';

/**
 * Every task action changes counts and lists, so all task queries are refreshed afterwards —
 * on failure too, because a 409 means our view of the task is stale.
 */
function useInvalidateTasks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: taskKeys.all });
}

export function useClaimTask(id: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: () => claimTask(id), onSettled: invalidate });
}

export function useUnclaimTask(id: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: () => unclaimTask(id), onSettled: invalidate });
}

export function useAssignTask(id: string) {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (userId: string) => assignTask(id, userId), onSettled: invalidate });
}

export function useCompleteTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: Variables) => completeTask(id, variables),
    onSuccess: () => {
      // The task is gone and the page is about to leave: mark its queries stale without refetching
      // them into 404s; lists and counts refetch when the list page mounts.
      void queryClient.invalidateQueries({ queryKey: taskKeys.detail(id), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists });
      void queryClient.invalidateQueries({ queryKey: taskKeys.filters });
    },
    // A 409/400 may mean someone else acted on the task meanwhile.
    onError: () => queryClient.invalidateQueries({ queryKey: taskKeys.detail(id), exact: true }),
  });
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => addTaskComment(id, message),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.comments(id) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.history(id) }),
      ]),
  });
}

export function useCreateFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filter: NewTaskFilter) => createTaskFilter(filter),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.filters }),
  });
}

export function useDeleteFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteTaskFilter(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.filters }),
  });
}
