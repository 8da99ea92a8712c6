import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  adminKeys,
  type CalendarDay,
  createDutyEntry,
  deleteCalendarDay,
  deleteDutyEntry,
  type DutyDraft,
  fetchDutyRosters,
  fetchCalendarDays,
  fetchOutbox,
  type OutboxParams,
  putCalendarDay,
  resendPending,
} from '../api/admin';

export function useCalendarDays(year: number) {
  return useQuery({ queryKey: adminKeys.calendar(year), queryFn: () => fetchCalendarDays(year) });
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function useSaveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (day: Pick<CalendarDay, 'date' | 'kind' | 'name'>) => putCalendarDay(day),
    onSuccess: (_saved, day) => queryClient.invalidateQueries({ queryKey: adminKeys.calendar(yearOf(day.date)) }),
  });
}

export function useDeleteCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => deleteCalendarDay(date),
    onSuccess: (_none, date) => queryClient.invalidateQueries({ queryKey: adminKeys.calendar(yearOf(date)) }),
  });
}

export function useOutbox(params: OutboxParams) {
  return useQuery({ queryKey: adminKeys.outbox(params), queryFn: () => fetchOutbox(params), placeholderData: keepPreviousData });
}

export function useResendPending() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendPending,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.outboxAll }),
  });
}

export function useDutyRosters() {
  return useQuery({ queryKey: adminKeys.duty, queryFn: fetchDutyRosters });
}

export function useCreateDutyEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: DutyDraft) => createDutyEntry(draft),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.duty }),
  });
}

export function useDeleteDutyEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteDutyEntry(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.duty }),
  });
}
