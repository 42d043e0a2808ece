import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  call,
  DataTable,
  Field,
  Link,
  useFormat,
  useRouter,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import { api, type Proposal, type ProposalStatus } from '../api';
import { MunicipalityName, useMunicipalitySummaries } from '../municipality-names';

const STATUSES: ProposalStatus[] = ['open', 'accepted', 'declined', 'withdrawn'];

/** Proposals for a hromada (or any municipality), best first, with each side's decision. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { search } = useRouter();
  const [draft, setDraft] = useState({ municipalityId: search.get('municipalityId') ?? '', status: '' });
  const [filters, setFilters] = useState(draft);
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['proposals', filters, table],
    queryFn: async () => {
      const query = {
        limit: table.limit,
        offset: table.offset,
        ...(filters.municipalityId ? { municipalityId: filters.municipalityId } : {}),
        ...(filters.status ? { status: filters.status as ProposalStatus } : {}),
      };
      return (await call(api.GET('/proposals', { params: { query } }))).data;
    },
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const decision = (d: Proposal['hromadaDecision']) => d ?? t('proposal.pending');
  const names = useMunicipalitySummaries(list.data?.items ?? []);
  const columns: Column<Proposal>[] = [
    {
      key: 'hromada',
      header: t('col.hromada'),
      cell: (p) => <MunicipalityName id={p.hromadaId} summaries={names} />,
    },
    {
      key: 'eu',
      header: t('col.eu'),
      cell: (p) => <MunicipalityName id={p.euMunicipalityId} summaries={names} />,
    },
    {
      key: 'score',
      header: t('col.score'),
      numeric: true,
      cell: (p) => <Link to={`/proposals/${p.id}`}>{format.number(p.score, 3)}</Link>,
    },
    { key: 'rank', header: t('col.rank'), numeric: true, cell: (p) => p.rank },
    { key: 'status', header: t('col.status'), cell: (p) => <span className="badge">{p.status}</span> },
    {
      key: 'decisions',
      header: t('col.decisions'),
      cell: (p) => `${decision(p.hromadaDecision)} / ${decision(p.euDecision)}`,
    },
  ];
  return (
    <>
      <h1>{t('proposals.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('filter.municipality')} name="municipalityId" error={list.error}>
          {(p) => (
            <input
              {...p}
              value={draft.municipalityId}
              onChange={(e) => setDraft({ ...draft, municipalityId: e.target.value.trim() })}
            />
          )}
        </Field>
        <Field label={t('filter.status')} name="status" error={list.error}>
          {(p) => (
            <select
              {...p}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            >
              <option value="">{t('kit.any')}</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary">
          {t('kit.apply')}
        </button>
        <button type="button" onClick={() => void list.refetch()}>
          {t('refresh')}
        </button>
      </form>
      <DataTable
        caption={t('proposals.caption')}
        columns={columns}
        rowKey={(p) => p.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
