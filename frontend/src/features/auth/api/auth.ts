import { api, type CsrfToken } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';

export const MENU_KEYS = [
  'tasks',
  'start',
  'incidents',
  'hoa',
  'procurement',
  'promotion',
  'designer',
  'dashboard',
  'admin',
] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export interface Group {
  id: string;
  name: string;
}

export interface Me {
  id: string;
  name: string;
  groups: Group[];
  roles: string[];
  scopes: { grids: string[]; communities: string[]; departments: string[] };
  /** Left-menu entries this user may see; unknown future keys are ignored by the shell. */
  menus: string[];
}

export interface Credentials {
  username: string;
  password: string;
}

export const meQueryKey = ['me'] as const;

export function fetchCsrf(): Promise<CsrfToken> {
  return api.get<CsrfToken>('/api/auth/csrf');
}

export function login(credentials: Credentials): Promise<Me> {
  return api.post<Me>('/api/auth/login', credentials);
}

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

/** The current user, or null when there is no session (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}
