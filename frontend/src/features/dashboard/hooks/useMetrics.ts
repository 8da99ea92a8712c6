import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  fetchApplications,
  fetchAssessment,
  fetchContracts,
  fetchHoaMatters,
  fetchHoaSummary,
  fetchProcurementSummary,
  fetchPromotionSummary,
  fetchEvents,
  fetchHeatmap,
  fetchOverview,
  fetchProcesses,
  fetchStages,
  fetchTrend,
  fetchWaiting,
  fetchWorkload,
  metricsKeys,
  summaryKeys,
  type GroupBy,
  type HoaFigure,
  type MetricsFilter,
  type Period,
} from '../api/metrics';

const REFRESH_MS = 60_000;

export const useOverview = (f: MetricsFilter) =>
  useQuery({ queryKey: metricsKeys.overview(f), queryFn: () => fetchOverview(f), refetchInterval: REFRESH_MS });

export const useTrend = (f: MetricsFilter, period: Period) =>
  useQuery({ queryKey: metricsKeys.trend(f, period), queryFn: () => fetchTrend(f, period) });

export const useEvents = (f: MetricsFilter, figure: string | undefined, page: number) =>
  useQuery({
    queryKey: metricsKeys.events(f, figure ?? '', page),
    queryFn: () => fetchEvents(f, figure ?? 'total', page),
    enabled: figure !== undefined,
    placeholderData: keepPreviousData,
  });

export const useAssessment = (f: MetricsFilter, by: GroupBy) =>
  useQuery({ queryKey: metricsKeys.assessment(f, by), queryFn: () => fetchAssessment(f, by) });

export const useHeatmap = (processKey: string | undefined) =>
  useQuery({
    queryKey: metricsKeys.heatmap(processKey ?? ''),
    queryFn: () => fetchHeatmap(processKey ?? ''),
    enabled: !!processKey,
  });

export const useWaiting = (processKey: string, activityId: string | undefined, page: number) =>
  useQuery({
    queryKey: metricsKeys.waiting(processKey, activityId ?? '', page),
    queryFn: () => fetchWaiting(processKey, activityId ?? '', page),
    enabled: !!activityId,
    placeholderData: keepPreviousData,
  });

export const useWorkload = () =>
  useQuery({ queryKey: metricsKeys.workload, queryFn: fetchWorkload, refetchInterval: REFRESH_MS });

export const useProcesses = () => useQuery({ queryKey: metricsKeys.processes, queryFn: fetchProcesses });

export const useStages = (key: string | undefined) =>
  useQuery({ queryKey: metricsKeys.stages(key ?? ''), queryFn: () => fetchStages(key ?? ''), enabled: !!key });

export const useHoaSummary = (communityId?: string) =>
  useQuery({ queryKey: summaryKeys.hoa(communityId), queryFn: () => fetchHoaSummary(communityId) });

export const useHoaMatters = (f: HoaFigure | undefined, page: number, communityId?: string) =>
  useQuery({
    queryKey: summaryKeys.hoaMatters(f ?? { figure: '' }, page, communityId),
    queryFn: () => fetchHoaMatters(f ?? { figure: 'total' }, page, communityId),
    enabled: f !== undefined,
    placeholderData: keepPreviousData,
  });

export const useProcurementSummary = (departmentId?: string) =>
  useQuery({ queryKey: summaryKeys.procurement(departmentId), queryFn: () => fetchProcurementSummary(departmentId) });

export const useContracts = (figure: string | undefined, page: number, departmentId?: string) =>
  useQuery({
    queryKey: summaryKeys.contracts(figure ?? '', page, departmentId),
    queryFn: () => fetchContracts(figure ?? 'total', page, departmentId),
    enabled: figure !== undefined,
    placeholderData: keepPreviousData,
  });

export const usePromotionSummary = (communityId?: string) =>
  useQuery({ queryKey: summaryKeys.promotion(communityId), queryFn: () => fetchPromotionSummary(communityId) });

export const useApplications = (f: { roundKey: string; status: string } | undefined, page: number, communityId?: string) =>
  useQuery({
    queryKey: summaryKeys.applications(f?.roundKey ?? '', f?.status ?? '', page, communityId),
    queryFn: () => fetchApplications(f?.roundKey ?? '', f?.status ?? '', page, communityId),
    enabled: f !== undefined,
    placeholderData: keepPreviousData,
  });
