import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, Field, Link, type Column, type TableQuery } from '@bridges/console-kit';
import { api, type Page, type Recipient, type RecipientKind, type RecipientQuery } from '../api';

const KINDS: RecipientKind[] = ['municipality-contact', 'association', 'coordinator', 'event-participant'];

/** Everyone notifications can reach, by kind; each links to their preferences. */
export function RecipientsPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ kind: '', municipalityId: '' });
  const [filters, setFilters] = useState(draft);
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['recipients', filters, table],
    queryFn: async () => {
      const query: RecipientQuery = {
        limit: table.limit,
        offset: table.offset,
        ...(filters.kind ? { kind: filters.kind as RecipientKind } : {}),
        ...(filters.municipalityId ? { municipalityId: filters.municipalityId } : {}),
      };
      return (await call(api.GET('/recipients', { params: { query } }))).data as unknown as Page<Recipient>;
    },
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<Recipient>[] = [
    {
      key: 'name',
      header: t('col.name'),
      cell: (r) => <Link to={`/recipients/${encodeURIComponent(r.id)}`}>{r.name ?? r.id}</Link>,
    },
    { key: 'kind', header: t('col.kind'), cell: (r) => r.kind },
    { key: 'email', header: t('col.email'), cell: (r) => r.email ?? '—' },
    { key: 'language', header: t('col.language'), cell: (r) => r.preferredLanguage ?? '—' },
    {
      key: 'active',
      header: t('col.active'),
      cell: (r) => (
        <span className={`badge ${r.active ? 'badge-ok' : 'badge-bad'}`}>
          {r.active ? t('kit.yes') : t('kit.no')}
        </span>
      ),
    },
  ];
  return (
    <>
      <h1>{t('recipients.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('filter.kind')} name="kind" error={list.error}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="">{t('kit.any')}</option>
              {KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filter.municipality')} name="municipalityId" error={list.error}>
          {(p) => (
            <input
              {...p}
              value={draft.municipalityId}
              onChange={(e) => setDraft({ ...draft, municipalityId: e.target.value.trim() })}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          {t('kit.apply')}
        </button>
      </form>
      <DataTable
        caption={t('recipients.caption')}
        columns={columns}
        rowKey={(r) => r.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
