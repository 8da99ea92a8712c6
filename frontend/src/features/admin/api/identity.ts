import { api, type Page } from '@/lib/api-client';

/** A user as the administrator sees them (the server never sends a password). */
export interface AdminUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  /** 姓名: family name then given name, or the id when both are empty. */
  name: string;
  email: string | null;
  groups: string[];
}

export interface AdminGroup {
  id: string;
  name: string | null;
  /** role, grid, community, department, estate, provider or SYSTEM (camunda-admin). */
  type: string | null;
  members: number;
}

export interface UserParams {
  q?: string;
  group?: string;
  page: number;
  size: number;
}

export interface GroupParams {
  q?: string;
  type?: string;
  page: number;
  size: number;
}

export interface UserDraft {
  id?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** Only on create; a reset goes through resetPassword. */
  password?: string;
  /** On update: the memberships become exactly these. */
  groups?: string[];
}

/** One item of the published grid-matter admission list (网格事项准入清单). */
export interface AdmissionItem {
  itemCode: string;
  itemName: string;
  categoryCode: string | null;
  requestingDept: string | null;
  legalBasis: string | null;
  temporary: boolean;
  validTo: string | null;
  listVersion: number;
  approvedAt: string | null;
}

/** The process that changes the admission list; the admin page links to its start form. */
export const ADMISSION_REQUEST_PROCESS = 'grid-matter-admission-request';

export const identityKeys = {
  users: (params: UserParams) => ['admin', 'users', params] as const,
  usersAll: ['admin', 'users'] as const,
  groups: (params: GroupParams) => ['admin', 'groups', params] as const,
  groupTypes: ['admin', 'group-types'] as const,
  admissionItems: ['admission-items'] as const,
};

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const fetchUsers = (params: UserParams) => api.get<Page<AdminUser>>('/api/admin/users', { ...params });
export const createUser = (draft: UserDraft) => api.post<AdminUser>('/api/admin/users', draft);
export const updateUser = (id: string, draft: UserDraft) => api.put<AdminUser>(userPath(id), draft);
export const resetPassword = (id: string, password: string) => api.put<void>(`${userPath(id)}/password`, { password });

export const fetchGroups = (params: GroupParams) => api.get<Page<AdminGroup>>('/api/admin/groups', { ...params });
export const fetchGroupTypes = () => api.get<string[]>('/api/admin/groups/types');

export const fetchAdmissionItems = () => api.get<AdmissionItem[]>('/api/admission-items');
