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
import { api, type AidRequest, type AidRequestStatus, type Page } from '../api';

export const REQUEST_STATUSES: readonly AidRequestStatus[] = [
  'draft',
  'open',
  'partly-pledged',
  'fully-pledged',
  'closed',
  'cancelled',
];

/** Aid requests the reader may see (a coordinator: all; an officer: own and partners'), newest first. */
export function AidRequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { search } = useRouter();
  const [draft, setDraft] = useState({ hromadaId: search.get('hromadaId') ?? '', status: '' });
  const [filters, setFilters] = useState(draft);
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['aid-requests', filters, table],
    queryFn: async () => {
      const query = {
        limit: table.limit,
        offset: table.offset,
        ...(filters.hromadaId ? { hromadaId: filters.hromadaId } : {}),
        ...(filters.status ? { status: filters.status as AidRequestStatus } : {}),
      };
      return (await call(api.GET('/aid-requests', { params: { query } })))
        .data as unknown as Page<AidRequest>;
    },
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<AidRequest>[] = [
    { key: 'title', header: t('col.title'), cell: (r) => <Link to={`/requests/${r.id}`}>{r.title}</Link> },
    { key: 'hromada', header: t('col.hromada'), cell: (r) => r.hromadaName ?? r.hromadaId.slice(0, 8) },
    {
      key: 'status',
      header: t('col.status'),
      cell: (r) => <span className="badge">{t(`status.${r.status}`)}</span>,
    },
    { key: 'urgency', header: t('col.urgency'), cell: (r) => t(`urgency.${r.urgency}`) },
    {
      key: 'unpledged',
      header: t('col.unpledgedLines'),
      numeric: true,
      cell: (r) => format.number(r.lines.filter((l) => l.unpledged > 0).length),
    },
    { key: 'published', header: t('col.published'), cell: (r) => format.date(r.publishedAt) },
  ];
  return (
    <>
      <h1>{t('requests.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('filter.hromada')} name="hromadaId" error={list.error}>
          {(p) => (
            <input
              {...p}
              value={draft.hromadaId}
              onChange={(e) => setDraft({ ...draft, hromadaId: e.target.value.trim() })}
            />
          )}
        </Field>
        <Field label={t('col.status')} name="status" error={list.error}>
          {(p) => (
            <select
              {...p}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.target.value })}
            >
              <option value="">{t('kit.any')}</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
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
        caption={t('requests.caption')}
        columns={columns}
        rowKey={(r) => r.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
