import type { ModelKind } from '../api/designer';

export const KIND_COLORS: Record<ModelKind, string> = { PROCESS: 'blue', DECISION: 'purple', FORM: 'cyan' };

export function parseKind(value: string | undefined): ModelKind | undefined {
  const upper = value?.toUpperCase();
  return upper === 'PROCESS' || upper === 'DECISION' || upper === 'FORM' ? upper : undefined;
}

export const kindPath = (kind: ModelKind) => kind.toLowerCase();
