import type { HistoryTimelineEntry } from '@/components/history/HistoryTimeline';
import type { Sla } from '@/components/SlaTag';
import { api } from '@/lib/api-client';

export type IncidentStatus = 'ACTIVE' | 'COMPLETED' | string;
export type CityMode = 'PEACE' | 'WAR';

export interface IncidentSummary {
  /** The business key, EV-yyyyMMdd-nnnnn. */
  id: string;
  processInstanceId: string;
  category?: string | null;
  gridId?: string | null;
  communityId?: string | null;
  leadDept?: string | null;
  urgency?: string | null;
  description?: string | null;
  status: IncidentStatus;
  /** Names of the steps it waits in now (or the end it reached). */
  stage: string[];
  started: string;
  ended?: string | null;
  slaDueAt?: string | null;
  sla: Sla;
  slaBreached: boolean;
  escalationLevel: number;
  cityMode?: CityMode | null;
  closeType?: string | null;
  handlingLevel?: string | null;
  reporterId?: string | null;
  startUserId?: string | null;
}

export interface IncidentPage {
  items: IncidentSummary[];
  total: number;
  page: number;
  size: number;
}

export type IncidentSort = 'started' | 'due';

export interface IncidentListParams {
  category?: string;
  communityId?: string;
  gridId?: string;
  leadDept?: string;
  status?: string;
  text?: string;
  sort?: IncidentSort;
  order?: 'asc' | 'desc';
  page: number;
  size: number;
}

export type TimelineType =
  | 'START'
  | 'TASK_CREATED'
  | 'AUTO_DISPATCH'
  | 'TASK_COMPLETED'
  | 'CLAIM'
  | 'ASSIGN'
  | 'COMMENT'
  | 'PHOTO'
  | 'END';

/** The backend's HistoryTimeline entry, with this page's types. */
export interface TimelineEntry extends HistoryTimelineEntry {
  type: TimelineType;
}

export interface IncidentAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy?: string | null;
  uploadedByName?: string | null;
  created: string;
}

export interface IncidentNotification {
  id: string;
  kind: string;
  recipientKind: string;
  recipient: string;
  subject: string;
  body?: string | null;
  created: string;
  sentAt?: string | null;
}

export interface IncidentTask {
  id: string;
  name: string;
  taskDefinitionKey: string;
  assignee?: string | null;
  assigneeName?: string | null;
  candidateGroups: string[];
  created: string;
  due?: string | null;
  canAct: boolean;
}

export interface IncidentDetail {
  summary: IncidentSummary;
  communityMode?: CityMode | null;
  variables: Record<string, unknown>;
  diagram: {
    xml: string;
    activeActivityIds: string[];
    completedActivityIds: string[];
    definitionKey?: string;
    definitionVersion?: number;
  };
  timeline: TimelineEntry[];
  attachments: IncidentAttachment[];
  notifications: IncidentNotification[];
  tasks: IncidentTask[];
  canAddPhotos: boolean;
}

export interface PhotoPayload {
  fileName: string;
  contentType: string;
  base64: string;
}

const base = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (params: IncidentListParams) => ['incidents', 'list', params] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  modes: ['org', 'modes'] as const,
  duty: ['duty-rosters', 'active'] as const,
  myMode: ['org', 'my-mode'] as const,
};

export const fetchIncidents = (params: IncidentListParams, signal?: AbortSignal) =>
  api.get<IncidentPage>('/api/incidents', { ...params }, signal);
export const fetchIncident = (id: string) => api.get<IncidentDetail>(base(id));
export const addIncidentPhotos = (id: string, photos: PhotoPayload[]) =>
  api.post<{ attachmentIds: string[] }>(`${base(id)}/photos`, { photos });
export const attachmentUrl = (id: string, attachmentId: string) =>
  `${base(id)}/attachments/${encodeURIComponent(attachmentId)}`;
/** Communities currently in war mode; absent ones are at peace. */
export const fetchCommunityModes = () => api.get<Record<string, CityMode>>('/api/org/modes');

/** One person on duty in a micro-grid while its community is at war footing (微网格值守). */
export interface OnDuty {
  communityId: string;
  microGridId: string;
  microGridName: string;
  personName: string;
  role: string;
  shift: string;
  phone: string | null;
  activatedAt: string;
}

/** Everyone on duty now; empty while every community is at peace. */
export const fetchActiveDuty = () => api.get<OnDuty[]>('/api/duty-rosters/active');

/** The mode the header shows: of the caller's communities, or of the city for city-level staff. */
export interface MyMode {
  mode: CityMode;
  scope: 'COMMUNITY' | 'CITY';
  communities: { id: string; name: string }[];
  warCommunities: { id: string; name: string }[];
}

export const fetchMyMode = () => api.get<MyMode>('/api/org/my-mode');
