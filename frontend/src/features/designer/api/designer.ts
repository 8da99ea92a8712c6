import { api } from '@/lib/api-client';
import type { Page } from '@/lib/api-client';

export type ModelKind = 'PROCESS' | 'DECISION' | 'FORM';

export interface ModelSummary {
  kind: ModelKind;
  key: string;
  name: string | null;
  latestVersion: number;
  versions: number;
  runningInstances: number | null;
  deployedBy: string | null;
  deployedAt: string | null;
}

export interface ModelVersion {
  kind: ModelKind;
  key: string;
  name: string | null;
  id: string;
  version: number;
  deploymentId: string;
  resourceName: string;
  deployedBy: string | null;
  deployedAt: string | null;
  source: string | null;
  runningInstances: number | null;
}

export interface ModelContent {
  kind: ModelKind;
  key: string;
  version: number;
  id: string;
  resourceName: string;
  content: string;
}

export type { Page };

export interface Draft {
  kind: ModelKind;
  key: string;
  resourceName: string;
  content: string;
  baseVersion: number | null;
  updatedAt: string;
}

export interface Deployed {
  deploymentId: string;
  kind: ModelKind;
  key: string;
  version: number;
}

/** One problem of a refused model (deploy policy, GridFlow rule or engine parser), where it is when known. */
export interface ModelProblem {
  resource: string | null;
  message: string;
  line: number;
  column: number;
  elementId: string | null;
  /** the GridFlow rule broken (gridflow/...), for GridFlow's own checks */
  rule?: string | null;
}

export interface MigrationInstance {
  id: string;
  businessKey: string | null;
  activeActivities: string[];
  movable: boolean;
  unmapped: string[];
}

export interface MigrationPreview {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  mappedActivities: string[];
  instances: MigrationInstance[];
}

const kindPath = (kind: ModelKind) => kind.toLowerCase();
const model = (kind: ModelKind, key: string) => `/api/designer/models/${kindPath(kind)}/${encodeURIComponent(key)}`;
const draft = (kind: ModelKind, key: string) => `/api/designer/drafts/${kindPath(kind)}/${encodeURIComponent(key)}`;

export const designerKeys = {
  all: ['designer'] as const,
  me: ['designer', 'me'] as const,
  models: (params: object) => ['designer', 'models', params] as const,
  versions: (kind: ModelKind, key: string) => ['designer', 'versions', kind, key] as const,
  content: (kind: ModelKind, key: string, version: number) => ['designer', 'content', kind, key, version] as const,
  draft: (kind: ModelKind, key: string) => ['designer', 'draft', kind, key] as const,
  beans: ['designer', 'beans'] as const,
  forms: ['designer', 'forms'] as const,
  migration: (key: string, from: number, to: number) => ['designer', 'migration', key, from, to] as const,
};

export const fetchDesignerMe = () => api.get<{ canEdit: boolean }>('/api/designer/me');
export const fetchModels = (params: { kind?: ModelKind; text?: string; page: number; size: number }) =>
  api.get<Page<ModelSummary>>('/api/designer/models', params);
export const fetchVersions = (kind: ModelKind, key: string) => api.get<ModelVersion[]>(`${model(kind, key)}/versions`);
export const fetchContent = (kind: ModelKind, key: string, version: number) =>
  api.get<ModelContent>(`${model(kind, key)}/versions/${version}/content`);
export const fetchProcessBeans = () => api.get<string[]>('/api/designer/process-beans');
export const fetchDraft = (kind: ModelKind, key: string) => api.get<Draft>(draft(kind, key));
export const saveDraft = (kind: ModelKind, key: string, content: string, baseVersion: number | null) =>
  api.put<Draft>(draft(kind, key), { content, baseVersion });
export const discardDraft = (kind: ModelKind, key: string) => api.delete(draft(kind, key));
export const deployModel = (kind: ModelKind, key: string, content: string, baseVersion: number | null) =>
  api.post<Deployed>(`${model(kind, key)}/deployments`, { content, baseVersion });
export const fetchMigrationPreview = (key: string, fromVersion: number, toVersion: number) =>
  api.get<MigrationPreview>(`/api/designer/processes/${encodeURIComponent(key)}/migration`, { fromVersion, toVersion });
export const migrateInstances = (key: string, fromVersion: number, toVersion: number, instanceIds: string[]) =>
  api.post<{ moved: number; instanceIds: string[] }>(`/api/designer/processes/${encodeURIComponent(key)}/migration`, {
    fromVersion,
    toVersion,
    instanceIds,
  });
