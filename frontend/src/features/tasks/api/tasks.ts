import { api } from '@/lib/api-client';
import type { FormPayload } from '@/lib/form-schema';
import type {
  Candidate,
  HistoryEntry,
  NewTaskFilter,
  Page,
  TaskComment,
  TaskDetail,
  TaskDiagram,
  TaskFilter,
  TaskListParams,
  TaskSummary,
  Variables,
} from './types';

const base = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;

export const taskKeys = {
  /** Everything task-related; invalidated after any task action. */
  all: ['tasks'] as const,
  filters: ['tasks', 'filters'] as const,
  lists: ['tasks', 'list'] as const,
  list: (params: TaskListParams) => ['tasks', 'list', params] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
  form: (id: string) => ['tasks', 'detail', id, 'form'] as const,
  candidates: (id: string) => ['tasks', 'detail', id, 'candidates'] as const,
  diagram: (id: string) => ['tasks', 'detail', id, 'diagram'] as const,
  history: (id: string) => ['tasks', 'detail', id, 'history'] as const,
  comments: (id: string) => ['tasks', 'detail', id, 'comments'] as const,
  /** Outside `all`: task actions do not change it. */
  processOptions: ['process-options'] as const,
};

export const fetchTaskFilters = () => api.get<TaskFilter[]>('/api/task-filters');
export const createTaskFilter = (filter: NewTaskFilter) => api.post<TaskFilter>('/api/task-filters', filter);
export const deleteTaskFilter = (id: string) => api.delete(`/api/task-filters/${encodeURIComponent(id)}`);

export function fetchTasks(params: TaskListParams, signal?: AbortSignal): Promise<Page<TaskSummary>> {
  return api.get<Page<TaskSummary>>('/api/tasks', { ...params }, signal);
}

export const fetchTask = (id: string) => api.get<TaskDetail>(base(id));
export const fetchTaskForm = (id: string) => api.get<FormPayload>(`${base(id)}/form`);
export const claimTask = (id: string) => api.post(`${base(id)}/claim`);
export const unclaimTask = (id: string) => api.post(`${base(id)}/unclaim`);
export const fetchCandidates = (id: string) => api.get<Candidate[]>(`${base(id)}/candidates`);
export const assignTask = (id: string, userId: string) => api.post(`${base(id)}/assign`, { userId });
export const completeTask = (id: string, variables: Variables) => api.post(`${base(id)}/complete`, { variables });
export const requestExtension = (id: string, workdays: number, reason: string) =>
  api.post(`${base(id)}/extension-request`, { workdays, reason });
export const requestCoordination = (id: string, reason: string) =>
  api.post(`${base(id)}/coordination-request`, { reason });
export const fetchTaskDiagram = (id: string) => api.get<TaskDiagram>(`${base(id)}/diagram`);
export const fetchTaskHistory = (id: string) => api.get<HistoryEntry[]>(`${base(id)}/history`);
export const fetchTaskComments = (id: string) => api.get<TaskComment[]>(`${base(id)}/comments`);
export const addTaskComment = (id: string, message: string) => api.post<TaskComment>(`${base(id)}/comments`, { message });

export interface ProcessOption {
  key: string;
  name: string;
}

/**
 * Process choices for the list's process filter. There is no "all process definitions" endpoint
 * in the contract; the startable ones plus those seen in the list cover what a user meets.
 */
export const fetchProcessOptions = () => api.get<ProcessOption[]>('/api/processes/startable');
