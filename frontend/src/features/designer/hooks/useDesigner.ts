import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api-error';
import {
  deployModel,
  designerKeys,
  discardDraft,
  fetchContent,
  fetchDesignerMe,
  fetchDraft,
  fetchMigrationPreview,
  fetchModels,
  fetchProcessBeans,
  fetchVersions,
  migrateInstances,
  type ModelKind,
  saveDraft,
} from '../api/designer';

export function useDesignerMe() {
  return useQuery({ queryKey: designerKeys.me, queryFn: fetchDesignerMe, staleTime: 5 * 60_000 });
}

export function useModels(params: { kind?: ModelKind; text?: string; page: number; size: number }) {
  return useQuery({ queryKey: designerKeys.models(params), queryFn: () => fetchModels(params) });
}

export function useVersions(kind: ModelKind, key: string) {
  return useQuery({ queryKey: designerKeys.versions(kind, key), queryFn: () => fetchVersions(kind, key) });
}

export function useContent(kind: ModelKind, key: string, version: number | undefined) {
  return useQuery({
    queryKey: designerKeys.content(kind, key, version ?? 0),
    queryFn: () => fetchContent(kind, key, version ?? 0),
    enabled: version !== undefined && version > 0,
    staleTime: Infinity,
  });
}

/** What GridFlow's lint rules need from the server: allow-listed beans and the keys of deployed forms. */
export function useLintContext() {
  const beans = useQuery({ queryKey: designerKeys.beans, queryFn: fetchProcessBeans, staleTime: 5 * 60_000 });
  const forms = useQuery({
    queryKey: designerKeys.forms,
    queryFn: () => fetchModels({ kind: 'FORM', page: 0, size: 200 }),
    staleTime: 60_000,
  });
  return {
    isPending: beans.isPending || forms.isPending,
    context: { beans: beans.data ?? [], forms: forms.data?.items.map((f) => f.key) ?? [] },
  };
}

export function useDraft(kind: ModelKind, key: string, enabled: boolean) {
  return useQuery({
    queryKey: designerKeys.draft(kind, key),
    // No draft is a normal state, not an error.
    queryFn: () => fetchDraft(kind, key).catch((e: unknown) => (isApiError(e) && e.status === 404 ? null : Promise.reject(e))),
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSaveDraft(kind: ModelKind, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, baseVersion }: { content: string; baseVersion: number | null }) =>
      saveDraft(kind, key, content, baseVersion),
    onSuccess: (draft) => queryClient.setQueryData(designerKeys.draft(kind, key), draft),
  });
}

export function useDiscardDraft(kind: ModelKind, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => discardDraft(kind, key),
    onSuccess: () => queryClient.setQueryData(designerKeys.draft(kind, key), null),
  });
}

export function useDeploy(kind: ModelKind, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, baseVersion }: { content: string; baseVersion: number | null }) =>
      deployModel(kind, key, content, baseVersion),
    onSuccess: () => {
      queryClient.setQueryData(designerKeys.draft(kind, key), null);
      return queryClient.invalidateQueries({ queryKey: designerKeys.all });
    },
  });
}

export function useMigrationPreview(key: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: designerKeys.migration(key, from ?? 0, to ?? 0),
    queryFn: () => fetchMigrationPreview(key, from ?? 0, to ?? 0),
    enabled: !!from && !!to && from !== to,
  });
}

export function useMigrate(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ from, to, ids }: { from: number; to: number; ids: string[] }) => migrateInstances(key, from, to, ids),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: designerKeys.all }),
  });
}
