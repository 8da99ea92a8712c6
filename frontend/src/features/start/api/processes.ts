import { api } from '@/lib/api-client';
import type { FormPayload } from '@/lib/form-schema';

export interface StartableProcess {
  key: string;
  name: string;
  version: number;
  hasStartForm: boolean;
}

export interface StartResult {
  processInstanceId: string;
  businessKey?: string | null;
}

const base = (key: string) => `/api/processes/${encodeURIComponent(key)}`;

export const processKeys = {
  startable: ['processes', 'startable'] as const,
  startForm: (key: string) => ['processes', key, 'start-form'] as const,
};

export const fetchStartable = () => api.get<StartableProcess[]>('/api/processes/startable');
export const fetchStartForm = (key: string) => api.get<FormPayload>(`${base(key)}/start-form`);
export const startProcess = (key: string, variables: Record<string, unknown>) =>
  api.post<StartResult>(`${base(key)}/start`, { variables });
