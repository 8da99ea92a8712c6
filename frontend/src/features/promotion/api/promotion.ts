import { api } from '@/lib/api-client';
import type { Page } from '@/lib/api-client';

export type PostPool = 'CSW_FROM_GRID' | 'INSTITUTION_RESERVED' | 'SOE_RESERVED';

export interface RoundSummary {
  roundKey: string;
  year: number;
  postPool: PostPool;
  processInstanceId: string;
  openedAt: string;
  archived: boolean;
  activities: string[];
  annualQuota?: number;
  quotaBasis?: string;
  applicationClosesAt?: string;
  waitlistExpiresAt?: string;
  waitlist?: string;
  ranking?: string;
}

export type { Page };

export interface Application {
  roundKey: string;
  applicantId: string;
  communityId: string;
  status: string;
  rank: number | null;
  totalScore: number | null;
  eligibilityViolations: string[];
  facts: Record<string, unknown>;
  appliedAt: string;
  updatedAt: string;
}

export interface RoundBoard extends Omit<RoundSummary, 'year' | 'postPool' | 'openedAt' | 'archived'> {
  /** Whether the round's archive step ran: then its results are published and its personnel records filed. */
  archived?: boolean;
  applications: Application[];
}

/** One line of the published results (art. 22). */
export interface PublicationEntry {
  applicantId: string;
  rank: number | null;
  status: string;
  writtenScore: number | null;
  interviewScore: number | null;
  bonus: number | null;
  totalScore: number | null;
}

export interface Publication {
  roundKey: string;
  publishedAt: string;
  scope: string;
  title: string;
  body: string;
  entries: PublicationEntry[];
}

/** A candidate's personnel-file record, written when the round is archived. */
export interface PersonnelRecord {
  roundKey: string;
  applicantId: string;
  finalStatus: string;
  writtenScore: number | null;
  interviewScore: number | null;
  bonus: number | null;
  totalScore: number | null;
  rank: number | null;
  publicityEndAt: string | null;
  objectionsFiled: number;
  objectionOutcome: 'SUBSTANTIATED' | 'UNFOUNDED' | 'NOT_DECIDED' | null;
  appointmentResult: string;
  objections: { filedBy: string; filedAt: string; text: string }[];
  archivedAt: string;
}

export interface ProcessStep {
  time: string;
  endTime: string | null;
  activityId: string;
  activityName: string;
  activityType: string;
  assignee: string | null;
  /** the holder's name; their id where the user is gone */
  assigneeName: string | null;
}

export interface ProcessView {
  processInstanceId: string;
  processKey: string;
  xml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
  timeline: ProcessStep[];
  variables: Record<string, unknown>;
}

export interface Assessment {
  year: number;
  grade: 'EXCELLENT' | 'COMPETENT' | 'BASIC' | 'INCOMPETENT';
}

export interface HrRecord {
  userId: string;
  communityId: string;
  gridId: string | null;
  employmentType: string;
  serviceYears: number;
  birthDate: string;
  educationRank: number;
  disciplinaryUntil: string | null;
  performanceScore: number;
  commendationBonus: number;
  assessments: Assessment[];
  version: number;
  /** The score a round uses for the assessment year, and where it came from (read only). */
  performance?: Performance;
}

/** ARCHIVE: counted from the grid-incident archive of the worker's events that year; HR: the HR record's score. */
export interface Performance {
  year: number;
  source: 'ARCHIVE' | 'HR';
  score: number;
  events: number;
  closureRate: number | null;
  timelinessRate: number | null;
  satisfactionRate: number | null;
}

export type HrRecordInput = Omit<HrRecord, 'userId' | 'version' | 'performance'> & { version: number | null };

export type NomineeType = 'RESIDENT_COMMITTEE' | 'UNIT' | 'SOCIAL_ORG' | 'SOCIAL_WORKER' | 'GRID_STAFF' | 'VOLUNTEER';

export interface CommendationSummary {
  processInstanceId: string;
  startedAt: string;
  endedAt: string | null;
  startedBy: string | null;
  nomineeType?: NomineeType;
  nomineeName?: string;
  nomineeId?: string;
  achievements?: string;
  commendationStatus?: 'COMMENDED' | 'NOT_COMMENDED' | 'SCREENED_OUT';
  screeningViolations?: string;
  commendationScore?: number;
  panelRecommends?: boolean;
  publicityEndAt?: string;
  objectionSubstantiated?: boolean;
  commendationApproved?: boolean;
  currentSteps: string[];
}

export interface CommendationRecord extends CommendationSummary {
  xml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
  timeline: ProcessStep[];
  myTasks: { id: string; name: string; activityId: string }[];
  canObject: boolean;
  award: { bonus: number; awardedAt: string | null; nomineeId: string | null; hrBonusTotal?: number } | null;
  bonusCap: number;
}

export interface OpenRoundInput {
  year: number;
  postPool: PostPool;
  cswVacancies?: number;
  institutionPostsPlanned?: number;
}

const base = '/api/promotion';
const round = (key: string) => `${base}/rounds/${encodeURIComponent(key)}`;

export const promotionKeys = {
  rounds: (page: number, size: number) => ['promotion', 'rounds', page, size] as const,
  board: (key: string) => ['promotion', 'board', key] as const,
  process: (key: string, applicantId?: string) => ['promotion', 'process', key, applicantId ?? ''] as const,
  mine: ['promotion', 'mine'] as const,
  myRecords: ['promotion', 'my-records'] as const,
  publication: (key: string) => ['promotion', 'publication', key] as const,
  records: (key: string) => ['promotion', 'records', key] as const,
  hrRecords: (page: number, size: number, year?: number) => ['promotion', 'hr-records', page, size, year ?? 0] as const,
  commendations: (page: number, size: number) => ['promotion', 'commendations', page, size] as const,
  commendation: (id: string) => ['promotion', 'commendation', id] as const,
};

export const fetchRounds = (page: number, size: number) => api.get<Page<RoundSummary>>(`${base}/rounds`, { page, size });
export const fetchBoard = (key: string) => api.get<RoundBoard>(round(key));
export const fetchProcess = (key: string, applicantId?: string) =>
  api.get<ProcessView>(`${round(key)}/process`, { applicantId });
export const fetchMyApplications = () => api.get<Application[]>(`${base}/my-applications`);
export const fetchPublication = (key: string) => api.get<Publication>(`${round(key)}/publication`);
export const fetchRoundRecords = (key: string) => api.get<PersonnelRecord[]>(`${round(key)}/personnel-records`);
export const fetchMyRecords = () => api.get<PersonnelRecord[]>(`${base}/my-personnel-records`);
export const openRound = (input: OpenRoundInput) => api.post<{ roundKey: string }>(`${base}/rounds`, input);
export const applyToRound = (key: string) => api.post<{ status: string }>(`${round(key)}/applications`, {});
export const closeApplications = (key: string) => api.post(`${round(key)}/close-applications`, {});
export const fileObjection = (key: string, applicantId: string, text: string) =>
  api.post(`${round(key)}/applications/${encodeURIComponent(applicantId)}/objections`, { text });
export const markReported = (key: string, applicantId: string) =>
  api.post(`${round(key)}/applications/${encodeURIComponent(applicantId)}/reported`, {});
export const fetchHrRecords = (page: number, size: number, assessmentYear?: number) =>
  api.get<Page<HrRecord> & { assessmentYear: number }>(`${base}/hr-records`, { page, size, assessmentYear });
export const fetchCommendations = (page: number, size: number) =>
  api.get<Page<CommendationSummary>>(`${base}/commendations`, { page, size });
export const fetchCommendation = (id: string) =>
  api.get<CommendationRecord>(`${base}/commendations/${encodeURIComponent(id)}`);
export const fileCommendationObjection = (id: string, text: string) =>
  api.post(`${base}/commendations/${encodeURIComponent(id)}/objections`, { text });
export const saveHrRecord = (userId: string, input: HrRecordInput) =>
  api.put<HrRecord>(`${base}/hr-records/${encodeURIComponent(userId)}`, input);

/** The round's stage, read from where its process stands. */
export function roundStage(activities: string[], archived: boolean): string {
  if (archived) return 'ARCHIVED';
  if (activities.includes('publishCall')) return 'CALL';
  if (activities.includes('applicationWindow')) return 'APPLICATIONS';
  if (activities.includes('screenCandidates') || activities.includes('rankCandidates')) return 'SCREENING';
  if (activities.includes('appointShortlisted') || activities.includes('appointNext')) return 'APPOINTING';
  if (activities.includes('waitlistExpiry')) return 'WAITLIST';
  return activities.length === 0 ? 'CLOSED' : 'RUNNING';
}
