import { useQuery } from '@tanstack/react-query';
import { call, useAuth, useFormat } from '@bridges/console-kit';
import { api, type MunicipalitySummary } from './api';

/** A proposal or partnership: the two ids, and the summaries the API sends with them (null while unknown). */
export interface MunicipalityPair {
  hromadaId: string;
  euMunicipalityId: string;
  hromada?: MunicipalitySummary | null;
  euMunicipality?: MunicipalitySummary | null;
}

/**
 * Names and centres of the municipalities on a page: those the API sent with each proposal or partnership
 * (every role sees them), the rest from GET /municipalities?ids= (matching coordinators only); anything
 * still unknown shows as a shortened id.
 */
export function useMunicipalitySummaries(
  pairs: readonly MunicipalityPair[],
): ReadonlyMap<string, MunicipalitySummary> {
  const { hasRole } = useAuth();
  const carried = new Map<string, MunicipalitySummary>();
  for (const p of pairs)
    for (const summary of [p.hromada, p.euMunicipality])
      if (summary) carried.set(summary.municipalityId, summary);
  const missing = [...new Set(pairs.flatMap((p) => [p.hromadaId, p.euMunicipalityId]))]
    .filter((id) => !carried.has(id))
    .sort();
  const fetched = useQuery({
    queryKey: ['municipality-summaries', missing],
    enabled: missing.length > 0 && hasRole('matching:coordinator'),
    queryFn: async () => {
      const found: MunicipalitySummary[] = [];
      // The API takes at most 200 ids a call.
      for (let i = 0; i < missing.length; i += 200) {
        const ids = missing.slice(i, i + 200).join(',');
        found.push(...(await call(api.GET('/municipalities', { params: { query: { ids } } }))).data);
      }
      return found;
    },
    staleTime: 60_000,
  });
  for (const summary of fetched.data ?? []) carried.set(summary.municipalityId, summary);
  return carried;
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
