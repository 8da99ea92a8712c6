import { api } from '@/lib/api-client';
import type { Page } from '@/lib/api-client';

export type { Page };

export type ItemStatus = 'PROPOSED' | 'PUBLISHED' | 'SUSPENDED' | 'REMOVED' | 'REJECTED_NEGATIVE_LIST' | 'NOT_APPROVED';

export interface CatalogItem {
  itemCode: string;
  itemName: string;
  itemClass: 'PUBLIC_SERVICE' | 'AUXILIARY';
  deliveryMode: 'ENTRUST' | 'PURCHASE';
  legalBasis: string;
  serviceNature: string;
  deptId: string;
  status: ItemStatus;
  statusReason: string | null;
  processInstanceId: string | null;
  proposedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Publication {
  version: number;
  publishedAt: string;
  reason: string;
  itemCount: number;
}

export interface PublishedItem {
  itemCode: string;
  itemName: string;
  itemClass: string;
  deliveryMode: string;
  legalBasis: string;
  deptId: string;
  status: string;
}

export interface PublicationView {
  publication: Publication;
  items: PublishedItem[];
  previousVersion: number | null;
  diff: {
    added: PublishedItem[];
    removed: PublishedItem[];
    changed: { itemCode: string; itemName: string; fields: Record<string, [string | null, string | null]> }[];
  };
}

export interface Contract {
  contractId: string;
  itemCode: string;
  deptId: string;
  budgetFen: number;
  providerId: string | null;
  priceFen: number | null;
  serviceItems: string | null;
  qualityKpis: string | null;
  paymentMethod: string | null;
  termMonths: number | null;
  stableContinuous: boolean | null;
  termStart: string | null;
  termEnd: string | null;
  evalCycle: string | null;
  prepayPct: number | null;
  instalments: number | null;
  status: string;
  processInstanceId: string;
  createdBy: string;
  createdAt: string;
  /** The community served; its community-staff give the feedback of each periodic evaluation. */
  communityId: string | null;
}

export interface Evaluation {
  id: string;
  kind: 'PERIODIC' | 'RE_EVALUATION' | 'THIRD_PARTY' | 'FINAL';
  periodNo: number | null;
  score: number;
  grade: string;
  payPct: number;
  note: string | null;
  evaluatedBy: string | null;
  createdAt: string;
  communitySatisfaction: 'SATISFIED' | 'BASIC' | 'DISSATISFIED' | null;
  communityFeedback: string | null;
}

export interface Payment {
  id: string;
  kind: 'ADVANCE' | 'INSTALMENT' | 'RECOVERY';
  periodNo: number | null;
  baseFen: number;
  payPct: number;
  amountFen: number;
  createdAt: string;
}

export interface OpenTask {
  id: string;
  name: string;
  taskDefinitionKey: string;
  created: string;
  due: string | null;
  mine: boolean;
}

export interface TimelineEntry {
  time: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  userId: string | null;
  userName: string | null;
  finished: boolean;
}

export interface ContractView {
  contract: Contract;
  itemName: string | null;
  providerRestrictedUntil: string | null;
  evaluations: Evaluation[];
  payments: Payment[];
  totals: { priceFen: number; paidFen: number; withheldFen: number; recoveredFen: number };
  tasks: OpenTask[];
  timeline: TimelineEntry[];
}

/** A provider's own contract (承接主体): grades, money and the steps it answers for (signing, rectification). */
export interface ProviderContract {
  contract: Contract;
  itemName: string | null;
  evaluations: Evaluation[];
  totals: ContractView['totals'];
  tasks: OpenTask[];
}

export interface Review {
  id: string;
  itemCode: string;
  necessityScore: number;
  legalChange: boolean;
  poorGrades: number;
  adjustment: string;
  createdAt: string;
}

export interface ItemDetail {
  item: CatalogItem;
  reviews: Review[];
  contracts: Contract[];
  tasks: OpenTask[];
  timeline: TimelineEntry[];
}

export interface Diagram {
  xml: string;
  activeActivityIds: string[];
  completedActivityIds: string[];
}

export interface ProposeItem {
  itemName: string;
  itemClass: string;
  deliveryMode: string;
  legalBasis: string;
  serviceNature: string;
}

export interface Draft {
  serviceItems: string;
  qualityKpis: string;
  termMonths: number;
  stableContinuous: boolean;
  priceFen: number;
  paymentMethod: string;
  prepayPct: number;
  evalCycle: string;
}

const base = '/api/procurement';

export const procurementKeys = {
  all: ['procurement'] as const,
  items: (status: string | undefined, page: number) => ['procurement', 'items', status ?? '', page] as const,
  publications: (page: number) => ['procurement', 'publications', page] as const,
  publication: (version: number) => ['procurement', 'publication', version] as const,
  contracts: (status: string | undefined, page: number) => ['procurement', 'contracts', status ?? '', page] as const,
  providerContracts: (page: number) => ['procurement', 'provider-contracts', page] as const,
  contract: (id: string) => ['procurement', 'contract', id] as const,
  diagram: (id: string) => ['procurement', 'contract', id, 'diagram'] as const,
  item: (code: string) => ['procurement', 'item', code] as const,
  itemDiagram: (code: string) => ['procurement', 'item', code, 'diagram'] as const,
};

export const fetchItems = (status: string | undefined, page: number, size = 20) =>
  api.get<Page<CatalogItem>>(`${base}/catalog/items`, { status, page, size });
export const fetchItem = (code: string) => api.get<ItemDetail>(`${base}/catalog/items/${encodeURIComponent(code)}`);
export const fetchItemDiagram = (code: string) =>
  api.get<Diagram>(`${base}/catalog/items/${encodeURIComponent(code)}/diagram`);
export const proposeItem = (item: ProposeItem) => api.post<CatalogItem>(`${base}/catalog/items`, item);
export const fetchPublications = (page: number, size = 20) =>
  api.get<Page<Publication>>(`${base}/catalog/publications`, { page, size });
export const fetchPublication = (version: number) => api.get<PublicationView>(`${base}/catalog/publications/${version}`);
export const fetchContracts = (status: string | undefined, page: number, size = 20) =>
  api.get<Page<Contract>>(`${base}/contracts`, { status, page, size });
export const fetchProviderContracts = (page: number, size = 20) =>
  api.get<Page<ProviderContract>>(`${base}/provider/contracts`, { page, size });
export const planContract = (itemCode: string, budgetFen: number, communityId?: string) =>
  api.post<Contract>(`${base}/contracts`, { itemCode, budgetFen, communityId });
export const fetchContract = (id: string) => api.get<ContractView>(`${base}/contracts/${encodeURIComponent(id)}`);
export const fetchContractDiagram = (id: string) => api.get<Diagram>(`${base}/contracts/${encodeURIComponent(id)}/diagram`);
export const awardContract = (id: string, providerId: string, priceFen: number) =>
  api.post<Contract>(`${base}/contracts/${encodeURIComponent(id)}/award`, { providerId, priceFen });
export const draftContract = (id: string, draft: Draft) =>
  api.post<Contract>(`${base}/contracts/${encodeURIComponent(id)}/draft`, draft);
/** The community's feedback is the community's own step; the department enters score and note only. */
export const evaluateContract = (id: string, evalScore: number, evalNote?: string) =>
  api.post<ContractView>(`${base}/contracts/${encodeURIComponent(id)}/evaluations`, { evalScore, evalNote });
