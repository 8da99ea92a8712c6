import { api } from '@/lib/api-client';

export type DayKind = 'HOLIDAY' | 'WORKDAY';

export interface CalendarDay {
  /** yyyy-MM-dd */
  date: string;
  kind: DayKind;
  name: string;
  updatedBy?: string | null;
  updatedAt?: string | null;
}

export interface OutboxItem {
  id: string;
  kind: string;
  recipientKind: 'USER' | 'GROUP' | 'PHONE';
  recipient: string;
  subject: string;
  body?: string | null;
  businessKey?: string | null;
  processInstanceId?: string | null;
  created: string;
  sentAt?: string | null;
}

export interface OutboxParams {
  kind?: string;
  status?: 'PENDING' | 'SENT';
  text?: string;
  page: number;
  size: number;
}

/** One person of a micro-grid's duty roster (微网格值守名单). */
export interface DutyEntry {
  id: string;
  microGridId: string;
  communityId: string | null;
  personName: string;
  userId: string | null;
  role: string;
  shift: string;
  phone: string | null;
  updatedBy: string;
  updatedAt: string;
}

export type DutyDraft = Pick<DutyEntry, 'microGridId' | 'personName' | 'role' | 'shift'> & {
  userId?: string | null;
  phone?: string | null;
};

export const adminKeys = {
  duty: ['admin', 'duty-rosters'] as const,
  calendar: (year: number) => ['admin', 'calendar', year] as const,
  outbox: (params: OutboxParams) => ['admin', 'outbox', params] as const,
  outboxAll: ['admin', 'outbox'] as const,
};

export const fetchCalendarDays = (year: number) => api.get<CalendarDay[]>('/api/calendar/days', { year });
export const putCalendarDay = (day: Pick<CalendarDay, 'date' | 'kind' | 'name'>) =>
  api.put<CalendarDay>(`/api/calendar/days/${encodeURIComponent(day.date)}`, { kind: day.kind, name: day.name });
export const deleteCalendarDay = (date: string) => api.delete(`/api/calendar/days/${encodeURIComponent(date)}`);

export const fetchOutbox = (params: OutboxParams) =>
  api.get<{ items: OutboxItem[]; total: number }>('/api/notifications', { ...params });
export const resendPending = () => api.post<{ sent: number }>('/api/notifications/resend-pending');

export const fetchDutyRosters = () => api.get<DutyEntry[]>('/api/duty-rosters');
export const createDutyEntry = (draft: DutyDraft) => api.post<DutyEntry>('/api/duty-rosters', draft);
export const deleteDutyEntry = (id: string) => api.delete(`/api/duty-rosters/${encodeURIComponent(id)}`);
