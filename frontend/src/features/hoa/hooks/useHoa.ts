import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  castOwnBallot,
  fetchAgencies,
  fetchAgency,
  fetchBallots,
  fetchMatter,
  fetchMatters,
  fetchPublications,
  hoaKeys,
  importBallots,
  requestPayment,
  type BallotInput,
} from '../api/hoa';

export function useMatters(page: number, size: number) {
  return useQuery({
    queryKey: hoaKeys.matters(page, size),
    queryFn: () => fetchMatters(page, size),
    placeholderData: keepPreviousData,
  });
}

export function useMatter(id: string) {
  return useQuery({ queryKey: hoaKeys.matter(id), queryFn: () => fetchMatter(id), refetchInterval: 30_000 });
}

export function useBallots(id: string, round: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: hoaKeys.ballots(id, round ?? 0),
    queryFn: () => fetchBallots(id, round ?? 0),
    enabled: enabled && round !== undefined,
  });
}

export function usePublications(page: number, size: number) {
  return useQuery({
    queryKey: hoaKeys.publications(page, size),
    queryFn: () => fetchPublications(page, size),
    placeholderData: keepPreviousData,
  });
}

export function useImportBallots(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ballots: BallotInput[]) => importBallots(id, ballots),
    onSuccess: () => client.invalidateQueries({ queryKey: hoaKeys.all }),
  });
}

export function useRequestPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ amountFen, purpose }: { amountFen: number; purpose: string }) => requestPayment(id, amountFen, purpose),
    onSuccess: () => client.invalidateQueries({ queryKey: hoaKeys.all }),
  });
}

export function useCastOwnBallot(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choice: string) => castOwnBallot(id, choice),
    onSuccess: () => client.invalidateQueries({ queryKey: hoaKeys.all }),
  });
}

export function useAgencies() {
  return useQuery({ queryKey: hoaKeys.agencies, queryFn: fetchAgencies });
}

export function useAgency(id: string) {
  return useQuery({ queryKey: hoaKeys.agency(id), queryFn: () => fetchAgency(id), refetchInterval: 30_000 });
}
