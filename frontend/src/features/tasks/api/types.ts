import type { HistoryTimelineEntry } from '@/components/history/HistoryTimeline';
import type { Sla } from '@/components/SlaTag';
import type { Page } from '@/lib/api-client';

export type { Sla };

export type TaskScope = 'mine' | 'group' | 'all';
export type TaskSort = 'created' | 'due' | 'priority';
export type SortOrder = 'asc' | 'desc';

/** Narrowing criteria shared by saved filters and the list query. */
export interface FilterFields {
  processKey?: string;
  gridId?: string;
  communityId?: string;
  dueBefore?: string;
  dueAfter?: string;
  text?: string;
}

export interface FilterCriteria extends FilterFields {
  scope: TaskScope;
}

export interface TaskFilter {
  id: string;
  name: string;
  nameEn?: string | null;
  builtIn: boolean;
  criteria: FilterCriteria;
  count: number;
}

export interface NewTaskFilter {
  name: string;
  criteria: FilterCriteria;
}

export interface TaskSummary {
  id: string;
  name: string;
  taskDefinitionKey: string;
  processDefinitionKey: string;
  processName?: string | null;
  processInstanceId: string;
  businessKey?: string | null;
  title?: string | null;
  assignee?: string | null;
  assigneeName?: string | null;
  candidateGroups: string[];
  created: string;
  due?: string | null;
  priority: number;
  gridId?: string | null;
  communityId?: string | null;
  sla: Sla;
}

export type Variables = Record<string, unknown>;

export interface TaskDetail extends TaskSummary {
  description?: string | null;
  formRef?: string | null;
  hasForm: boolean;
  variables: Variables;
  canClaim: boolean;
  canUnclaim: boolean;
  canComplete: boolean;
}

export type { Page };

export interface TaskListParams extends FilterFields {
  filter: string;
  sort?: TaskSort;
  order?: SortOrder;
  /** zero-based, as the API counts */
  page: number;
  size: number;
}

export interface Candidate {
  id: string;
  name: string;
}

export interface TaskDiagram {
  xml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
  definitionKey?: string;
  definitionVersion?: number;
}

export type HistoryType = 'START' | 'TASK_CREATED' | 'TASK_COMPLETED' | 'AUTO_DISPATCH' | 'CLAIM' | 'ASSIGN' | 'COMMENT' | 'END';

/** The backend's HistoryTimeline entry, with this page's types. */
export interface HistoryEntry extends HistoryTimelineEntry {
  type: HistoryType;
}

export interface TaskComment {
  id: string;
  userId: string;
  userName?: string | null;
  time: string;
  message: string;
}
