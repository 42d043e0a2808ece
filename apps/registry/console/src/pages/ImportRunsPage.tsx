import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  call,
  DataTable,
  ErrorState,
  ProgressBar,
  useFormat,
  useToast,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import { api, type ImportRun, type StartImportRun } from '../api';

/** How often the page asks for the runs while one is running: a live progress bar without a socket. */
const POLL_MS = 1000;

/** Imports of the shipped data, started here and followed with a live progress bar. */
export function ImportRunsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [hromadas, setHromadas] = useState(false);
  const [countries, setCountries] = useState<readonly string[]>([]);
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  // Only what this installation ships is offered (the API refuses the rest with a 400 all the same).
  const shipped = useQuery({
    queryKey: ['import-runs', 'sources'],
    queryFn: async () => (await call(api.GET('/import-runs/sources', {}))).data,
    staleTime: Infinity,
  });
  const runs = useQuery({
    queryKey: ['import-runs', table],
    queryFn: async () =>
      (
        await call(
          api.GET('/import-runs', { params: { query: { limit: table.limit, offset: table.offset } } }),
        )
      ).data,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === 'running') ? POLL_MS : false,
  });
  const start = useMutation({
    mutationFn: async (body: StartImportRun) => (await call(api.POST('/import-runs', { body }))).data,
    onSuccess: () => {
      toast('success', t('imports.started'));
      void queryClient.invalidateQueries({ queryKey: ['import-runs'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ hromadas, countries: [...countries] as StartImportRun['countries'] });
  };
  const toggle = (country: string, on: boolean) =>
    setCountries(on ? [...countries, country] : countries.filter((c) => c !== country));
  const fieldMessages = (field: string) =>
    start.error instanceof ApiError ? (start.error.fieldErrors[field] ?? []) : [];

  const columns: Column<ImportRun>[] = [
    { key: 'started', header: t('imports.col.started'), cell: (r) => format.date(r.startedAt) },
    {
      key: 'sources',
      header: t('imports.col.sources'),
      cell: (r) =>
        [...(r.sources.hromadas ? [t('imports.hromadasSource')] : []), ...r.sources.countries].join(', '),
    },
    {
      key: 'status',
      header: t('imports.col.status'),
      cell: (r) => (
        <span className={`status status-${r.status}`} data-import-status={r.status}>
          {t(`imports.status.${r.status}`)}
          {r.error ? `: ${r.error}` : ''}
        </span>
      ),
    },
    {
      key: 'progress',
      header: t('imports.col.progress'),
      cell: (r) => (
        <>
          <ProgressBar
            label={t('imports.progressOf', { when: format.date(r.startedAt) })}
            percent={r.progress.percent}
          />
          <small>
            {t('imports.rows', {
              done: format.number(r.progress.rowsDone),
              total: format.number(r.progress.rowsTotal),
            })}
          </small>
        </>
      ),
    },
    {
      key: 'counts',
      header: t('imports.col.counts'),
      numeric: true,
      cell: (r) => (
        <span data-import-counts>
          {[r.created, r.updated, r.unchanged, r.rejected].map((n) => format.number(n)).join(' / ')}
        </span>
      ),
    },
  ];
  const rejected = runs.data?.items.find((r) => r.rejectedRows.length > 0);

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <form className="panel" onSubmit={submit} noValidate aria-label={t('imports.start')}>
        <p>{t('imports.intro')}</p>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={hromadas}
              disabled={!shipped.data?.hromadas}
              onChange={(e) => setHromadas(e.target.checked)}
            />{' '}
            {t('imports.hromadas')}
          </label>
        </div>
        <fieldset
          className={`country-choice${fieldMessages('countries').length ? ' field-invalid' : ''}`}
          aria-describedby={fieldMessages('countries').length ? 'import-countries-error' : undefined}
        >
          <legend>{t('imports.countries')}</legend>
          {(shipped.data?.countries ?? []).map((country) => (
            <label key={country}>
              <input
                type="checkbox"
                name="countries"
                value={country}
                checked={countries.includes(country)}
                onChange={(e) => toggle(country, e.target.checked)}
              />{' '}
              {country}
            </label>
          ))}
        </fieldset>
        {fieldMessages('countries').length > 0 && (
          <p id="import-countries-error" className="field-error" data-field-error="countries">
            {fieldMessages('countries').join('; ')}
          </p>
        )}
        <button type="submit" className="primary" disabled={start.isPending}>
          {t('imports.start')}
        </button>
      </form>
      {shipped.error ? <ErrorState error={shipped.error} onRetry={() => void shipped.refetch()} /> : null}
      {start.error instanceof ApiError && Object.keys(start.error.fieldErrors).length === 0 ? (
        <ErrorState error={start.error} />
      ) : null}
      <DataTable
        caption={t('imports.caption')}
        columns={columns}
        rowKey={(r) => r.importRunId}
        list={runs}
        query={table}
        onQueryChange={setTable}
        empty={t('imports.none')}
      />
      {rejected && (
        <section className="panel">
          <h2>{t('imports.rejectedRows')}</h2>
          <ul>
            {rejected.rejectedRows.map((row) => (
              <li key={`${row.file}:${row.row}`}>
                {row.file}:{row.row} — {row.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
