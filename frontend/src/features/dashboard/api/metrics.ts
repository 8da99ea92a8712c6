import { api, type QueryParams } from '@/lib/api-client';
import type { Page } from '@/lib/api-client';

/** The filter every event figure takes; blank fields mean "any". Dates are yyyy-MM-dd, both inclusive. */
export interface MetricsFilter {
  from?: string;
  to?: string;
  communityId?: string;
  gridId?: string;
  departmentId?: string;
  category?: string;
  source?: string;
  mode?: string;
}

/** A share of events; each side is a figure whose events /api/metrics/events lists. */
export interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
  numeratorFigure: string;
  denominatorFigure: string;
}

export interface Overview {
  from: string;
  to: string;
  total: number;
  open: number;
  closed: number;
  responseRate: Rate;
  onTimeRate: Rate;
  satisfactionRate: Rate;
  reopenRate: Rate;
  avgHandlingMinutes: number | null;
  p90HandlingMinutes: number | null;
  overdue: number;
}

export interface TrendPoint {
  period: string;
  reported: number;
  closed: number;
  responseRate: Rate;
  onTimeRate: Rate;
  satisfactionRate: Rate;
  avgHandlingMinutes: number | null;
}

export interface EventRow {
  processInstanceId: string;
  businessKey: string | null;
  communityId: string | null;
  gridId: string | null;
  leadDept: string | null;
  category: string | null;
  source: string | null;
  cityMode: string | null;
  reportedAt: string;
  signDueAt: string | null;
  signedAt: string | null;
  signedInTime: boolean | null;
  slaDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  closedInTime: boolean | null;
  closeType: string | null;
  satisfaction: string | null;
  reopenCount: number;
  escalationLevel: number;
}

export type { Page };

export interface AssessmentRow {
  id: string;
  name: string;
  total: number;
  closed: number;
  closureRate: Rate;
  responseRate: Rate;
  onTimeRate: Rate;
  satisfactionRate: Rate;
  reopenRate: Rate;
  overdue: number;
}

export interface ActivityStats {
  activityId: string;
  name: string | null;
  type: string | null;
  count: number;
  completed: number;
  waiting: number;
  avgMs: number | null;
  p90Ms: number | null;
}

export interface Heatmap {
  processKey: string;
  definitionId: string;
  name: string | null;
  xml: string;
  activities: ActivityStats[];
}

export interface WaitingInstance {
  processInstanceId: string;
  businessKey: string | null;
  communityId: string | null;
  activityId: string;
  activityName: string | null;
  since: string;
}

export interface Load {
  id: string;
  open: number;
  unassigned: number;
  overdue: number;
  oldestSince: string | null;
}

export interface Workload {
  groups: Load[];
  assignees: Load[];
}

export interface ProcessSummary {
  processKey: string;
  started: number;
  open: number;
  completed: number;
  terminated: number;
}

export interface Stage {
  activityId: string | null;
  name: string | null;
  count: number;
}

export interface ProcessStages {
  processKey: string;
  openByActivity: Stage[];
  endedByEndEvent: Stage[];
}

export type Period = 'day' | 'week' | 'month';
export type GroupBy = 'department' | 'community';

const q = (filter: MetricsFilter, extra: QueryParams = {}): QueryParams => ({ ...filter, ...extra });

export const metricsKeys = {
  all: ['metrics'] as const,
  overview: (f: MetricsFilter) => ['metrics', 'overview', f] as const,
  trend: (f: MetricsFilter, period: Period) => ['metrics', 'trend', f, period] as const,
  events: (f: MetricsFilter, figure: string, page: number) => ['metrics', 'events', f, figure, page] as const,
  assessment: (f: MetricsFilter, by: GroupBy) => ['metrics', 'assessment', f, by] as const,
  heatmap: (key: string) => ['metrics', 'heatmap', key] as const,
  waiting: (key: string, activityId: string, page: number) => ['metrics', 'waiting', key, activityId, page] as const,
  workload: ['metrics', 'workload'] as const,
  processes: ['metrics', 'processes'] as const,
  stages: (key: string) => ['metrics', 'stages', key] as const,
};

export const fetchOverview = (f: MetricsFilter) => api.get<Overview>('/api/metrics/overview', q(f));
export const fetchTrend = (f: MetricsFilter, period: Period) =>
  api.get<TrendPoint[]>('/api/metrics/trend', q(f, { period }));
export const fetchEvents = (f: MetricsFilter, figure: string, page: number, size = 10) =>
  api.get<Page<EventRow>>('/api/metrics/events', q(f, { figure, page, size }));
export const fetchAssessment = (f: MetricsFilter, by: GroupBy) =>
  api.get<AssessmentRow[]>('/api/metrics/assessment', q(f, { by }));
export const fetchHeatmap = (processKey: string) => api.get<Heatmap>('/api/metrics/heatmap', { processKey });
export const fetchWaiting = (processKey: string, activityId: string, page: number, size = 10) =>
  api.get<Page<WaitingInstance>>('/api/metrics/heatmap/waiting', { processKey, activityId, page, size });
export const fetchWorkload = () => api.get<Workload>('/api/metrics/workload');
export const fetchProcesses = () => api.get<ProcessSummary[]>('/api/metrics/processes');
export const fetchStages = (key: string) =>
  api.get<ProcessStages>(`/api/metrics/processes/${encodeURIComponent(key)}/stages`);

/** The CSV export is a plain link: the browser downloads it with the session cookie. */
export function assessmentCsvUrl(f: MetricsFilter, by: GroupBy, lang: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q(f, { by, lang }))) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  }
  return `/api/metrics/assessment.csv?${params.toString()}`;
}

// ---- owners'-committee, procurement and promotion summaries (state now; scope and community/department apply)

export interface HoaStageRow {
  stage: string;
  total: number;
  passed: number;
  failed: number;
  revote: number;
  filed: number;
}

export interface HoaSummary {
  total: number;
  stages: HoaStageRow[];
  outcomes: { outcome: string; count: number }[];
}

/** The matters a count lists: a stage (or any), an outcome column (total, passed, failed, revote, filed), a final outcome. */
export interface HoaFigure {
  stage?: string;
  figure: string;
  outcome?: string;
}

export interface HoaMatterRow {
  id: string;
  title: string;
  communityId: string;
  stage: string;
  outcome: string | null;
  rounds: number;
  passed: boolean;
  filed: boolean;
  createdAt: string;
  closedAt: string | null;
}

export interface Count {
  key: string;
  count: number;
}

export interface ProcurementSummary {
  total: number;
  withdrawn: number;
  byGrade: Count[];
  byStatus: Count[];
}

export interface ContractRow {
  contractId: string;
  itemCode: string;
  itemName: string | null;
  deptId: string;
  providerId: string | null;
  status: string;
  grade: string | null;
  evaluations: number;
  createdAt: string;
}

export interface RoundRow {
  roundKey: string;
  year: number;
  postPool: string;
  stage: string;
  steps: { activityId: string; name: string | null }[];
  applications: number;
  byStatus: Record<string, number>;
  shortlisted: number;
  waitlisted: number;
}

export interface ApplicationRow {
  roundKey: string;
  applicantId: string;
  communityId: string;
  status: string;
  rankNo: number | null;
  totalScore: number | null;
  appliedAt: string;
}

/** The summaries' own filter: owners'-committee decisions and promotion rounds by community, contracts by department. */
export interface SummaryFilter {
  communityId?: string;
  departmentId?: string;
}

export const summaryKeys = {
  hoa: (c?: string) => ['metrics', 'summary', 'hoa', c ?? ''] as const,
  hoaMatters: (f: HoaFigure, page: number, c?: string) => ['metrics', 'summary', 'hoa', c ?? '', f, page] as const,
  procurement: (d?: string) => ['metrics', 'summary', 'procurement', d ?? ''] as const,
  contracts: (figure: string, page: number, d?: string) =>
    ['metrics', 'summary', 'procurement', d ?? '', figure, page] as const,
  promotion: (c?: string) => ['metrics', 'summary', 'promotion', c ?? ''] as const,
  applications: (roundKey: string, status: string, page: number, c?: string) =>
    ['metrics', 'summary', 'promotion', c ?? '', roundKey, status, page] as const,
};

export const fetchHoaSummary = (communityId?: string) => api.get<HoaSummary>('/api/metrics/hoa', { communityId });
export const fetchHoaMatters = (f: HoaFigure, page: number, communityId?: string, size = 10) =>
  api.get<Page<HoaMatterRow>>('/api/metrics/hoa/matters', { ...f, communityId, page, size });
export const fetchProcurementSummary = (departmentId?: string) =>
  api.get<ProcurementSummary>('/api/metrics/procurement', { departmentId });
export const fetchContracts = (figure: string, page: number, departmentId?: string, size = 10) =>
  api.get<Page<ContractRow>>('/api/metrics/procurement/contracts', { figure, departmentId, page, size });
export const fetchPromotionSummary = (communityId?: string) =>
  api.get<RoundRow[]>('/api/metrics/promotion', { communityId });
export const fetchApplications = (roundKey: string, status: string, page: number, communityId?: string, size = 10) =>
  api.get<Page<ApplicationRow>>('/api/metrics/promotion/applications', { roundKey, status, communityId, page, size });
