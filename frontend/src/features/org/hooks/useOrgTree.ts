import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchOrgTree, orgTreeQueryKey } from '../api/org';

export function useOrgTree() {
  return useQuery({
    queryKey: orgTreeQueryKey,
    queryFn: fetchOrgTree,
    // The org tree changes by administration, not during a working session.
    staleTime: 30 * 60_000,
  });
}

/** id → display name for communities and grids, for tables that only carry ids. */
export function useOrgNames(): (id: string | null | undefined) => string | undefined {
  const { data } = useOrgTree();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of data?.communities ?? []) {
      map.set(c.id, c.name);
      for (const g of c.grids ?? []) {
        map.set(g.id, g.name);
        for (const m of g.microGrids ?? []) map.set(m.id, m.name);
      }
    }
    return map;
  }, [data]);
  return (id) => (id ? (names.get(id) ?? id) : undefined);
}
