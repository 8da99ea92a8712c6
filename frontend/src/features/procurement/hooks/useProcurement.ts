import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  awardContract,
  type Draft,
  draftContract,
  evaluateContract,
  fetchContract,
  fetchContractDiagram,
  fetchContracts,
  fetchItem,
  fetchItemDiagram,
  fetchItems,
  fetchPublication,
  fetchProviderContracts,
  fetchPublications,
  planContract,
  procurementKeys,
  type ProposeItem,
  proposeItem,
} from '../api/procurement';

export function useCatalogItems(status: string | undefined, page: number) {
  return useQuery({
    queryKey: procurementKeys.items(status, page),
    queryFn: () => fetchItems(status, page),
    placeholderData: keepPreviousData,
  });
}

export function usePublications(page: number) {
  return useQuery({ queryKey: procurementKeys.publications(page), queryFn: () => fetchPublications(page) });
}

export function usePublication(version: number | undefined) {
  return useQuery({
    queryKey: procurementKeys.publication(version ?? 0),
    queryFn: () => fetchPublication(version ?? 0),
    enabled: version !== undefined,
  });
}

export function useContracts(status: string | undefined, page: number) {
  return useQuery({
    queryKey: procurementKeys.contracts(status, page),
    queryFn: () => fetchContracts(status, page),
    placeholderData: keepPreviousData,
  });
}

/** The signed-in provider's own contracts (the server scopes them by the user's service-provider:X groups). */
export function useProviderContracts(page: number, enabled: boolean) {
  return useQuery({
    queryKey: procurementKeys.providerContracts(page),
    queryFn: () => fetchProviderContracts(page),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContract(id: string) {
  return useQuery({ queryKey: procurementKeys.contract(id), queryFn: () => fetchContract(id) });
}

export function useContractDiagram(id: string) {
  return useQuery({ queryKey: procurementKeys.diagram(id), queryFn: () => fetchContractDiagram(id) });
}

export function useCatalogItem(code: string) {
  return useQuery({ queryKey: procurementKeys.item(code), queryFn: () => fetchItem(code) });
}

export function useCatalogItemDiagram(code: string) {
  return useQuery({ queryKey: procurementKeys.itemDiagram(code), queryFn: () => fetchItemDiagram(code) });
}

/** Every change may move the catalogue, a contract and the task list at once. */
function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: procurementKeys.all }),
    client.invalidateQueries({ queryKey: ['tasks'] }),
  ]);
}

export function useProposeItem() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (item: ProposeItem) => proposeItem(item), onSuccess: invalidate });
}

export function usePlanContract() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ itemCode, budgetFen, communityId }: { itemCode: string; budgetFen: number; communityId?: string }) =>
      planContract(itemCode, budgetFen, communityId),
    onSuccess: invalidate,
  });
}

export function useAward(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ providerId, priceFen }: { providerId: string; priceFen: number }) =>
      awardContract(id, providerId, priceFen),
    onSuccess: invalidate,
  });
}

export function useDraft(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (draft: Draft) => draftContract(id, draft), onSuccess: invalidate });
}

export function useEvaluate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ evalScore, evalNote }: { evalScore: number; evalNote?: string }) =>
      evaluateContract(id, evalScore, evalNote),
    onSuccess: invalidate,
  });
}
