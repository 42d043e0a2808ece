import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  call,
  DataTable,
  Field,
  Link,
  useAuth,
  useFormat,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import {
  EventKind,
  EventStatus,
  type EventKind as Kind,
  type EventStatus as Status,
} from '@bridges/contracts/events/events/event-vocabulary.v1';
import { api, type EventView, type Page } from '../api';
import { useEventLabels } from '../labels';

/** Events by kind and status, one server-side page at a time; officers get the ones open to them. */
export function EventsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useEventLabels();
  const { hasRole } = useAuth();
  const [draft, setDraft] = useState({ kind: '', status: '' });
  const [filters, setFilters] = useState(draft);
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['events', filters, table],
    queryFn: async () => {
      const query = {
        limit: table.limit,
        offset: table.offset,
        ...(filters.kind ? { kind: filters.kind as Kind } : {}),
        ...(filters.status ? { status: filters.status as Status } : {}),
      };
      return (await call(api.GET('/events', { params: { query } }))).data as unknown as Page<EventView>;
    },
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<EventView>[] = [
    {
      key: 'title',
      header: t('col.title'),
      cell: (e) => <Link to={`/events/${e.id}`}>{labels.title(e)}</Link>,
    },
    { key: 'kind', header: t('col.kind'), cell: (e) => labels.kind(e.kind) },
    {
      key: 'status',
      header: t('col.status'),
      cell: (e) => <span className="badge">{labels.status(e.status)}</span>,
    },
    { key: 'starts', header: t('col.starts'), cell: (e) => format.date(e.startsAt) },
    {
      key: 'seats',
      header: t('col.seats'),
      numeric: true,
      cell: (e) =>
        t('event.seats', { free: format.number(e.seatsFree), capacity: format.number(e.capacity) }),
    },
  ];
  return (
    <>
      <h1>{t('events.title')}</h1>
      {hasRole('events:coordinator') && (
        <p>
          <Link to="/events/new">{t('nav.newEvent')}</Link>
        </p>
      )}
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('filter.kind')} name="kind" error={list.error}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="">{t('kit.any')}</option>
              {Object.values(EventKind).map((k) => (
                <option key={k} value={k}>
                  {labels.kind(k)}
                </option>
              ))}
            </select>
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
              {Object.values(EventStatus).map((s) => (
                <option key={s} value={s}>
                  {labels.status(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="primary">
          {t('kit.apply')}
        </button>
      </form>
      <DataTable
        caption={t('events.caption')}
        columns={columns}
        rowKey={(e) => e.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
