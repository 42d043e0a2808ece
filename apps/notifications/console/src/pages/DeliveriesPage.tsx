import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  call,
  DataTable,
  ErrorState,
  Field,
  useFormat,
  useToast,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import {
  api,
  type Delivery,
  type DeliveryChannel,
  type DeliveryQuery,
  type DeliveryStatus,
  type Page,
} from '../api';

const STATUSES: DeliveryStatus[] = ['queued', 'sending', 'sent', 'retrying', 'failed', 'dead'];
const CHANNELS: DeliveryChannel[] = ['email', 'webhook', 'inbox'];
/** Given up on: shown as bad, and the ones an admin may send again (POST /deliveries/:id/retry). */
const BAD: readonly string[] = ['failed', 'dead'];
/** Ids and event types have no spaces: let them wrap so the table fits instead of scrolling sideways. */
const WRAP = { overflowWrap: 'anywhere' } as const;

/** Every delivery by status, channel and recipient, with the reason of the last failure; failed ones can be sent again. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ status: '', channel: '', recipientId: '' });
  const [filters, setFilters] = useState(draft);
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['deliveries', filters, table],
    queryFn: async () => {
      const query: DeliveryQuery = {
        limit: table.limit,
        offset: table.offset,
        ...(filters.status ? { status: filters.status as DeliveryStatus } : {}),
        ...(filters.channel ? { channel: filters.channel as DeliveryChannel } : {}),
        ...(filters.recipientId ? { recipientId: filters.recipientId } : {}),
      };
      return (await call(api.GET('/deliveries', { params: { query } }))).data as unknown as Page<Delivery>;
    },
    placeholderData: keepPreviousData,
  });
  const retry = useMutation({
    mutationFn: async (id: string) => call(api.POST('/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => {
      toast('success', t('deliveries.retried'));
      void queryClient.invalidateQueries({ queryKey: ['deliveries'] });
    },
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<Delivery>[] = [
    { key: 'when', header: t('col.when'), cell: (d) => format.date(d.sentAt ?? d.createdAt) },
    { key: 'event', header: t('col.event'), cell: (d) => <span style={WRAP}>{d.sourceEventType}</span> },
    { key: 'recipient', header: t('col.recipient'), cell: (d) => <code style={WRAP}>{d.recipientId}</code> },
    { key: 'channel', header: t('col.channel'), cell: (d) => d.channel },
    {
      key: 'template',
      header: t('col.template'),
      cell: (d) => <span style={WRAP}>{`${d.templateId}${d.locale ? ` (${d.locale})` : ''}`}</span>,
    },
    {
      key: 'status',
      header: t('col.status'),
      cell: (d) => (
        <span
          className={`badge ${BAD.includes(d.status) ? 'badge-bad' : d.status === 'sent' ? 'badge-ok' : ''}`}
        >
          {d.status}
        </span>
      ),
    },
    { key: 'attempts', header: t('col.attempts'), numeric: true, cell: (d) => d.attempts },
    { key: 'reason', header: t('col.reason'), cell: (d) => <span style={WRAP}>{d.lastError ?? '—'}</span> },
    {
      key: 'actions',
      header: t('col.actions'),
      cell: (d) =>
        BAD.includes(d.status) ? (
          <button type="button" disabled={retry.isPending} onClick={() => retry.mutate(d.id)}>
            {t('deliveries.retry')}
          </button>
        ) : null,
    },
  ];
  const select = (key: 'status' | 'channel', label: string, options: readonly string[]) => (
    <Field label={label} name={key} error={list.error}>
      {(p) => (
        <select {...p} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
          <option value="">{t('kit.any')}</option>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <>
      <h1>{t('deliveries.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        {select('status', t('filter.status'), STATUSES)}
        {select('channel', t('filter.channel'), CHANNELS)}
        <Field label={t('filter.recipient')} name="recipientId" error={list.error}>
          {(p) => (
            <input
              {...p}
              value={draft.recipientId}
              onChange={(e) => setDraft({ ...draft, recipientId: e.target.value.trim() })}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          {t('kit.apply')}
        </button>
        <button type="button" onClick={() => void list.refetch()}>
          {t('refresh')}
        </button>
      </form>
      {retry.error ? <ErrorState error={retry.error} /> : null}
      <DataTable
        caption={t('deliveries.caption')}
        columns={columns}
        rowKey={(d) => d.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
