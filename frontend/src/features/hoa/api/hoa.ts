import { api } from '@/lib/api-client';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

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
