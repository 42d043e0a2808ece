import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, Field, Link, useFormat, type Column, type TableQuery } from '@bridges/console-kit';
import { api, COUNTRIES, SETTLEMENT_TYPES, type ListQuery, type Municipality } from '../api';

type Filters = Pick<ListQuery, 'q' | 'country' | 'region' | 'type' | 'seekingPartner'>;

/** Search every profile in either script, filtered and paged by the registry. */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['municipalities', filters, table],
    queryFn: async () =>
      (
        await call(
          api.GET('/municipalities', {
            params: { query: { ...filters, limit: table.limit, offset: table.offset } },
          }),
        )
      ).data,
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v !== undefined)));
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<Municipality>[] = [
    {
      key: 'name',
      header: t('col.name'),
      cell: (m) => <Link to={`/municipalities/${m.municipalityId}`}>{format.name(m)}</Link>,
    },
    { key: 'country', header: t('col.country'), cell: (m) => m.country },
    { key: 'region', header: t('col.region'), cell: (m) => m.region.name },
    { key: 'type', header: t('col.type'), cell: (m) => m.settlementType },
    {
      key: 'population',
      header: t('col.population'),
      numeric: true,
      cell: (m) => format.number(m.population),
    },
    {
      key: 'seeking',
      header: t('col.seeking'),
      cell: (m) => (m.seekingPartner ? t('kit.yes') : t('kit.no')),
    },
  ];
  return (
    <>
      <h1>{t('list.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('list.search')} name="q">
          {(p) => (
            <input
              {...p}
              type="search"
              value={draft.q ?? ''}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('list.country')} name="country">
          {(p) => (
            <select
              {...p}
              value={draft.country ?? ''}
              onChange={(e) =>
                setDraft({ ...draft, country: (e.target.value || undefined) as Filters['country'] })
              }
            >
              <option value="">{t('kit.any')}</option>
              {COUNTRIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('list.region')} name="region">
          {(p) => (
            <input
              {...p}
              value={draft.region ?? ''}
              onChange={(e) => setDraft({ ...draft, region: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('list.type')} name="type">
          {(p) => (
            <select
              {...p}
              value={draft.type ?? ''}
              onChange={(e) => setDraft({ ...draft, type: (e.target.value || undefined) as Filters['type'] })}
            >
              <option value="">{t('kit.any')}</option>
              {SETTLEMENT_TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('list.seeking')} name="seekingPartner">
          {(p) => (
            <select
              {...p}
              value={draft.seekingPartner === undefined ? '' : String(draft.seekingPartner)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  seekingPartner: e.target.value === '' ? undefined : e.target.value === 'true',
                })
              }
            >
              <option value="">{t('kit.any')}</option>
              <option value="true">{t('kit.yes')}</option>
              <option value="false">{t('kit.no')}</option>
            </select>
          )}
        </Field>
        <button type="submit" className="primary">
          {t('kit.apply')}
        </button>
      </form>
      <DataTable
        caption={t('list.caption')}
        columns={columns}
        rowKey={(m) => m.municipalityId}
        page={list.data}
        error={list.error}
        loading={list.isFetching}
        query={table}
        onQueryChange={setTable}
        onRetry={() => void list.refetch()}
      />
    </>
  );
}
