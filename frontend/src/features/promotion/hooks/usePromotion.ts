import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  applyToRound,
  closeApplications,
  fetchBoard,
  fetchCommendation,
  fetchCommendations,
  fetchHrRecords,
  fetchMyApplications,
  fetchMyRecords,
  fetchPublication,
  fetchRoundRecords,
  fetchProcess,
  fetchRounds,
  fileCommendationObjection,
  fileObjection,
  type HrRecordInput,
  markReported,
  openRound,
  type OpenRoundInput,
  promotionKeys,
  saveHrRecord,
} from '../api/promotion';

export const useRounds = (page: number, size: number, enabled = true) =>
  useQuery({ queryKey: promotionKeys.rounds(page, size), queryFn: () => fetchRounds(page, size), enabled });

export const useBoard = (key: string) => useQuery({ queryKey: promotionKeys.board(key), queryFn: () => fetchBoard(key) });

export const useRoundProcess = (key: string, applicantId?: string, enabled = true) =>
  useQuery({
    queryKey: promotionKeys.process(key, applicantId),
    queryFn: () => fetchProcess(key, applicantId),
    enabled,
    retry: false,
  });

export const useMyApplications = () => useQuery({ queryKey: promotionKeys.mine, queryFn: fetchMyApplications });

export const usePublication = (key: string, enabled: boolean) =>
  useQuery({ queryKey: promotionKeys.publication(key), queryFn: () => fetchPublication(key), enabled, retry: false });

export const useRoundRecords = (key: string, enabled: boolean) =>
  useQuery({ queryKey: promotionKeys.records(key), queryFn: () => fetchRoundRecords(key), enabled, retry: false });

export const useMyRecords = () => useQuery({ queryKey: promotionKeys.myRecords, queryFn: fetchMyRecords });

export const useHrRecords = (page: number, size: number, assessmentYear?: number) =>
  useQuery({
    queryKey: promotionKeys.hrRecords(page, size, assessmentYear),
    queryFn: () => fetchHrRecords(page, size, assessmentYear),
  });

export const useCommendations = (page: number, size: number) =>
  useQuery({ queryKey: promotionKeys.commendations(page, size), queryFn: () => fetchCommendations(page, size) });

export const useCommendation = (id: string) =>
  useQuery({ queryKey: promotionKeys.commendation(id), queryFn: () => fetchCommendation(id) });

function useInvalidating<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['promotion'] }),
  });
}

export const useOpenRound = () => useInvalidating((input: OpenRoundInput) => openRound(input));
export const useApply = () => useInvalidating((key: string) => applyToRound(key));
export const useObjection = (key: string) =>
  useInvalidating(({ applicantId, text }: { applicantId: string; text: string }) => fileObjection(key, applicantId, text));
export const useReported = (key: string) => useInvalidating((applicantId: string) => markReported(key, applicantId));
export const useSaveHrRecord = () =>
  useInvalidating(({ userId, input }: { userId: string; input: HrRecordInput }) => saveHrRecord(userId, input));
export const useCloseApplications = (key: string) => useInvalidating(() => closeApplications(key));
export const useCommendationObjection = (id: string) =>
  useInvalidating((text: string) => fileCommendationObjection(id, text));
