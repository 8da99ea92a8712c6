import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createUser,
  fetchAdmissionItems,
  fetchGroups,
  fetchGroupTypes,
  fetchUsers,
  type GroupParams,
  identityKeys,
  resetPassword,
  updateUser,
  type UserDraft,
  type UserParams,
} from '../api/identity';

export function useUsers(params: UserParams) {
  return useQuery({ queryKey: identityKeys.users(params), queryFn: () => fetchUsers(params), placeholderData: keepPreviousData });
}

export function useGroups(params: GroupParams, enabled = true) {
  return useQuery({
    queryKey: identityKeys.groups(params),
    queryFn: () => fetchGroups(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useGroupTypes() {
  return useQuery({ queryKey: identityKeys.groupTypes, queryFn: fetchGroupTypes, staleTime: 5 * 60_000 });
}

/** Creates a user (no id yet known to the list) or saves an existing one's name, e-mail and groups. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: UserDraft }) => (id ? updateUser(id, draft) : createUser(draft)),
    // member counts of the groups page change too
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: ({ id, password }: { id: string; password: string }) => resetPassword(id, password) });
}

export function useAdmissionItems() {
  return useQuery({ queryKey: identityKeys.admissionItems, queryFn: fetchAdmissionItems });
}
