import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  call,
  DataTable,
  Field,
  Link,
  RangeField,
  useFormat,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import { api, COUNTRIES, SETTLEMENT_TYPES, type ListQuery, type Municipality } from '../api';

type Filters = Pick<
  ListQuery,
  'q' | 'country' | 'region' | 'type' | 'seekingPartner' | 'hasPartner' | 'populationMin' | 'populationMax'
>;

/**
 * The API's sort for a column: names sort in the script the reader sees them in (Latin for English,
 * the own script for Ukrainian), so the list reads in order.
 */
function apiSort(table: TableQuery, language: string): Pick<ListQuery, 'sort' | 'order'> {
  if (!table.sort) return {};
  const sort = table.sort.key === 'population' ? 'population' : language === 'uk' ? 'nameNative' : 'name';
  return { sort, order: table.sort.direction };
}

/** Search every profile in either script, filtered and paged by the registry. */
export function MunicipalitiesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const [table, setTable] = useState<TableQuery>({
    limit: 20,
    offset: 0,
    sort: { key: 'name', direction: 'asc' },
  });
  const sort = apiSort(table, i18n.language);
  const list = useQuery({
    queryKey: ['municipalities', filters, table, sort],
    queryFn: async () =>
      (
        await call(
          api.GET('/municipalities', {
            params: { query: { ...filters, ...sort, limit: table.limit, offset: table.offset } },
          }),
        )
      ).data,
    placeholderData: keepPreviousData,
  });
  // A 400 names the filters at fault: shown at those fields, not as a failure of the table.
  const filtersRefused = list.error instanceof ApiError && Object.keys(list.error.fieldErrors).length > 0;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v !== undefined)));
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<Municipality>[] = [
    {
      key: 'name',
      header: t('col.name'),
      sortable: true,
      cell: (m) => <Link to={`/municipalities/${m.municipalityId}`}>{format.name(m)}</Link>,
    },
    { key: 'country', header: t('col.country'), cell: (m) => m.country },
    { key: 'region', header: t('col.region'), cell: (m) => m.region.name },
    { key: 'type', header: t('col.type'), cell: (m) => m.settlementType },
    {
      key: 'population',
      header: t('col.population'),
      numeric: true,
      sortable: true,
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
        <RangeField
          label={t('list.population')}
          minName="populationMin"
          maxName="populationMax"
          value={{ min: draft.populationMin, max: draft.populationMax }}
          onChange={({ min, max }) => setDraft({ ...draft, populationMin: min, populationMax: max })}
          error={list.error}
        />
        <Field label={t('list.hasPartner')} name="hasPartner" error={list.error}>
          {(p) => (
            <select
              {...p}
              value={draft.hasPartner === undefined ? '' : String(draft.hasPartner)}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  hasPartner: e.target.value === '' ? undefined : e.target.value === 'true',
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
        {filtersRefused && (
          <p className="field-error" role="alert">
            {t('kit.fixFields')}
          </p>
        )}
      </form>
      <DataTable
        caption={t('list.caption')}
        columns={columns}
        rowKey={(m) => m.municipalityId}
        page={filtersRefused ? undefined : list.data}
        error={filtersRefused ? undefined : list.error}
        loading={list.isFetching}
        query={table}
        onQueryChange={setTable}
        onRetry={() => void list.refetch()}
      />
    </>
  );
}
