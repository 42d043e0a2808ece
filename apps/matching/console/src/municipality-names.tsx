import { useQuery } from '@tanstack/react-query';
import { call, useAuth, useFormat } from '@bridges/console-kit';
import { api, type MunicipalitySummary } from './api';

/**
 * Names and centres of the municipalities on a page (GET /municipalities?ids=, matching coordinators
 * only); others see shortened ids.
 */
export function useMunicipalitySummaries(ids: readonly string[]): ReadonlyMap<string, MunicipalitySummary> {
  const { hasRole } = useAuth();
  const unique = [...new Set(ids)].sort();
  const summaries = useQuery({
    queryKey: ['municipality-summaries', unique],
    enabled: unique.length > 0 && hasRole('matching:coordinator'),
    queryFn: async () => {
      const found: MunicipalitySummary[] = [];
      // The API takes at most 200 ids a call.
      for (let i = 0; i < unique.length; i += 200) {
        const ids = unique.slice(i, i + 200).join(',');
        found.push(...(await call(api.GET('/municipalities', { params: { query: { ids } } }))).data);
      }
      return new Map(found.map((m) => [m.municipalityId, m]));
    },
    staleTime: 60_000,
  });
  return summaries.data ?? new Map();
}

/** A municipality's name in the reader's script, or its shortened id while unknown. */
export function MunicipalityName({
  id,
  summaries,
}: {
  id: string;
  summaries: ReadonlyMap<string, MunicipalitySummary>;
}) {
  const format = useFormat();
  const summary = summaries.get(id);
  return summary ? <span>{format.name(summary)}</span> : <code title={id}>{id.slice(0, 8)}</code>;
}
