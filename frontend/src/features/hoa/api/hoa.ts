import { api } from '@/lib/api-client';
import type { Page } from '@/lib/api-client';

export type { Page };

export interface MatterSummary {
  id: string;
  title: string;
  matterType: string;
  estateId: string;
  estateName: string;
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
  currentSteps: string[];
}

export interface Matter {
  id: string;
  processInstanceId: string;
  estateId: string;
  estateName: string;
  communityId: string;
  title: string;
  matterType: string;
  budgetFen: number | null;
  fundSource: string | null;
  proposerId: string | null;
  outcome: string | null;
  createdAt: string;
  closedAt: string | null;
}

export interface VoteRound {
  roundNo: number;
  status: 'OPEN' | 'CLOSED';
  opensAt: string;
  closesAt: string | null;
  ballotCount: number;
  totalOwnerCount: number | null;
  participatingCount: number | null;
  yesCount: number | null;
  totalAreaCenti: number | null;
  participatingAreaCenti: number | null;
  yesAreaCenti: number | null;
  quorumMet: boolean | null;
  passed: boolean | null;
}

export interface Publication {
  id: string;
  matterId: string;
  estateId: string;
  kind: string;
  title: string;
  body: string;
  audience: string;
  publishedAt: string;
}

export interface Filing {
  id: string;
  kind: string;
  outcome: string;
  note: string | null;
  filedBy: string | null;
  filedAt: string;
}

export interface Payment {
  id: string;
  resolutionNo: string;
  amountFen: number;
  paymentRef: string | null;
  status: string;
  paidAt: string;
  recoveredAt: string | null;
}

export interface TimelineEntry {
  time: string;
  kind: 'START' | 'TASK_CREATED' | 'TASK_COMPLETED' | 'STEP' | 'END';
  activityId: string;
  activityName: string;
  userId: string | null;
  userName: string | null;
  /** null: the decision's own step; else the process it ran in (the payment process `hoa-fund-payment`) */
  process: string | null;
}

export interface OpenTask {
  id: string;
  name: string;
  activityId: string;
  assignee: string | null;
}

export interface MatterDetail {
  matter: Matter;
  variables: Record<string, string | number | boolean | null>;
  diagramXml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
  timeline: TimelineEntry[];
  myTasks: OpenTask[];
  rounds: VoteRound[];
  filings: Filing[];
  payments: Payment[];
  publications: Publication[];
  committee: boolean;
  chair: boolean;
  openRound: number | null;
  remainingBudgetFen: number | null;
  /** the 业财代理 engagement this decision started, if any */
  agencyId: string | null;
}

export interface Agency {
  id: string;
  matterId: string;
  estateId: string;
  estateName: string;
  resolutionNo: string;
  title: string;
  processInstanceId: string | null;
  startedAt: string;
  state: 'STARTING' | 'SIGNING' | 'FILING' | 'IN_FORCE' | 'ENDED';
  currentSteps: string[];
}

/** WAITING: not reached; PENDING: open; CONFIRMED / DISPUTED: a confirmation; DONE, CLEAN, ANOMALY: done */
export interface Check {
  state: 'WAITING' | 'PENDING' | 'CONFIRMED' | 'DISPUTED' | 'DONE' | 'CLEAN' | 'ANOMALY';
  by: string | null;
  at: string | null;
  note: string | null;
}

export interface Statement {
  cycleId: string;
  period: string | null;
  incomeFen: number | null;
  expenseFen: number | null;
  startedAt: string;
  completedAt: string | null;
  booking: Check;
  chair: Check;
  supervisor: Check;
  publishedAt: string | null;
  review: Check;
  rectification: Check;
}

export interface PendingPayment {
  processInstanceId: string;
  amountFen: number;
  purpose: string | null;
  steps: string[];
  requestedAt: string;
}

export interface Budget {
  matterId: string;
  title: string;
  resolutionNo: string;
  budgetFen: number;
  paidFen: number;
  remainingFen: number;
  payments: Payment[];
  pending: PendingPayment[];
}

export interface AgencyDetail {
  agency: Agency;
  statements: Statement[];
  budgets: Budget[];
}

export interface RecordedBallot {
  voterKey: string;
  ownerName: string;
  choice: 'YES' | 'NO' | 'ABSTAIN';
  areaCenti: number;
  channel: string;
  recordedBy: string;
  recordedAt: string;
}

export interface BallotInput {
  unitId?: string;
  ownerId?: string;
  choice: string;
  areaCenti?: number;
}

export const hoaKeys = {
  all: ['hoa'] as const,
  matters: (page: number, size: number) => ['hoa', 'matters', page, size] as const,
  matter: (id: string) => ['hoa', 'matter', id] as const,
  ballots: (id: string, round: number) => ['hoa', 'matter', id, 'ballots', round] as const,
  publications: (page: number, size: number) => ['hoa', 'publications', page, size] as const,
  agencies: ['hoa', 'agencies'] as const,
  agency: (id: string) => ['hoa', 'agency', id] as const,
};

const matterPath = (id: string) => `/api/hoa/matters/${encodeURIComponent(id)}`;

export const fetchMatters = (page: number, size: number) =>
  api.get<Page<MatterSummary>>('/api/hoa/matters', { page, size });
export const fetchMatter = (id: string) => api.get<MatterDetail>(matterPath(id));
export const fetchBallots = (id: string, round: number) =>
  api.get<RecordedBallot[]>(`${matterPath(id)}/ballots`, { round });
export const fetchPublications = (page: number, size: number) =>
  api.get<Page<Publication>>('/api/hoa/publications', { page, size });
export const importBallots = (id: string, ballots: BallotInput[]) =>
  api.post<{ recorded: number; round: number }>(`${matterPath(id)}/ballots/import`, { ballots });
export const requestPayment = (id: string, amountFen: number, paymentPurpose: string) =>
  api.post<{ processInstanceId: string; remainingFen: number }>(`${matterPath(id)}/payments`, { amountFen, paymentPurpose });
export const castOwnBallot = (id: string, choice: string) =>
  api.post<{ recorded: number; round: number }>(`${matterPath(id)}/ballots`, { choice });
export const fetchAgencies = () => api.get<Agency[]>('/api/hoa/agencies');
export const fetchAgency = (id: string) => api.get<AgencyDetail>(`/api/hoa/agencies/${encodeURIComponent(id)}`);
