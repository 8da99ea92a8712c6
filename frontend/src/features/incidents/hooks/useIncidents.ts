import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';
import {
  addIncidentPhotos,
  fetchActiveDuty,
  fetchCommunityModes,
  fetchIncident,
  fetchIncidents,
  fetchMyMode,
  incidentKeys,
  type IncidentListParams,
  type PhotoPayload,
} from '../api/incidents';

export function useIncidentList(params: IncidentListParams) {
  return useQuery({
    queryKey: incidentKeys.list(params),
    queryFn: ({ signal }) => fetchIncidents(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: () => fetchIncident(id),
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    // The record moves on in the task list (a task completed there changes its stage and "what I can do now"):
    // coming back to it always asks the server again, showing the cached record meanwhile.
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useCommunityModes() {
  return useQuery({ queryKey: incidentKeys.modes, queryFn: fetchCommunityModes, staleTime: 30_000 });
}

/** Polled, so a switch of mode reaches every open page within a minute. */
export function useMyMode() {
  return useQuery({ queryKey: incidentKeys.myMode, queryFn: fetchMyMode, staleTime: 30_000, refetchInterval: 60_000 });
}

export function useActiveDuty() {
  return useQuery({ queryKey: incidentKeys.duty, queryFn: fetchActiveDuty, staleTime: 30_000 });
}

export function useAddPhotos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, photos }: { id: string; photos: PhotoPayload[] }) => addIncidentPhotos(id, photos),
    onSuccess: (_result, { id }) => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id) }),
  });
}
