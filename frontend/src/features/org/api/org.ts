import { api } from '@/lib/api-client';

export interface NamedRef {
  id: string;
  name: string;
}

export interface Grid extends NamedRef {
  microGrids: NamedRef[];
}

export interface Community extends NamedRef {
  grids: Grid[];
}

export interface OrgTree {
  communities: Community[];
  departments: NamedRef[];
}

export const orgTreeQueryKey = ['org', 'tree'] as const;

export function fetchOrgTree(): Promise<OrgTree> {
  return api.get<OrgTree>('/api/org/tree');
}
