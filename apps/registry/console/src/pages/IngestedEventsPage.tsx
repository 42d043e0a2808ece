import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, useFormat, type Column, type TableQuery } from '@bridges/console-kit';
import { api, type IngestedEvent, type IngestRejection, type RetryingEvent } from '../api';

/**
 * The association events the registry applied (signed ingest or Kafka), the records it is retrying
 * now, and the ones it refused (at POST /ingest, or dead-lettered by its consumer) with the reason.
 */
export function IngestedEventsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const recent = useQuery({
    queryKey: ['ingested-events', table],
    queryFn: async () =>
      (
        await call(
          api.GET('/ingested-events', { params: { query: { limit: table.limit, offset: table.offset } } }),
        )
      ).data,
    placeholderData: keepPreviousData,
  });
  const retrying = useQuery({
    queryKey: ['ingested-events', 'retrying'],
    queryFn: async () => {
      const items = (await call(api.GET('/ingested-events/retrying', {}))).data;
      return { items, total: items.length };
    },
  });
  const [rejectedTable, setRejectedTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const rejected = useQuery({
    queryKey: ['ingested-events', 'rejected', rejectedTable],
    queryFn: async () =>
      (
        await call(
          api.GET('/ingested-events/rejected', {
            params: { query: { limit: rejectedTable.limit, offset: rejectedTable.offset } },
          }),
        )
      ).data,
    placeholderData: keepPreviousData,
  });
  const columns: Column<IngestedEvent>[] = [
    { key: 'processed', header: t('ingested.col.processed'), cell: (e) => format.date(e.processedAt) },
    { key: 'type', header: t('ingested.col.type'), cell: (e) => e.type },
    {
      key: 'via',
      header: t('ingested.col.via'),
      cell: (e) => (e.via === 'http-ingest' ? t('ingested.viaIngest') : t('ingested.viaKafka')),
    },
    {
      key: 'association',
      header: t('ingested.col.association'),
      cell: (e) => e.associationName ?? e.associationId ?? '—',
    },
    { key: 'source', header: t('ingested.col.sourceEventId'), cell: (e) => e.sourceEventId ?? '—' },
  ];
  const retryColumns: Column<RetryingEvent>[] = [
    { key: 'updated', header: t('ingested.col.lastAttempt'), cell: (r) => format.date(r.updatedAt) },
    {
      key: 'record',
      header: t('ingested.col.record'),
      cell: (r) => `${r.topic} #${r.partition}@${r.offset}`,
    },
    {
      key: 'attempts',
      header: t('ingested.col.attempts'),
      numeric: true,
      cell: (r) => format.number(r.attempts),
    },
    { key: 'error', header: t('ingested.col.error'), cell: (r) => r.lastError },
  ];
  const rejectedColumns: Column<IngestRejection>[] = [
    { key: 'received', header: t('ingested.col.received'), cell: (r) => format.date(r.receivedAt) },
    {
      key: 'reason',
      header: t('ingested.col.reason'),
      cell: (r) => `${t(`ingested.reason.${r.reason}`, r.reason)} (${t(`ingested.rejectedVia.${r.path}`)})`,
    },
    { key: 'message', header: t('ingested.col.message'), cell: (r) => r.message },
    { key: 'type', header: t('ingested.col.type'), cell: (r) => r.eventType ?? '—' },
    {
      key: 'association',
      header: t('ingested.col.association'),
      cell: (r) => r.associationName ?? r.associationId ?? '—',
    },
    { key: 'key', header: t('ingested.col.keyId'), cell: (r) => r.keyId ?? '—' },
    { key: 'event', header: t('ingested.col.eventId'), cell: (r) => r.eventId ?? '—' },
  ];
  return (
    <>
      <h1>{t('ingested.title')}</h1>
      <p>{t('ingested.intro')}</p>
      <DataTable
        caption={t('ingested.caption')}
        columns={columns}
        rowKey={(e) => e.eventId}
        list={recent}
        query={table}
        onQueryChange={setTable}
        empty={t('ingested.none')}
      />
      <h2>{t('ingested.retryingTitle')}</h2>
      <DataTable
        caption={t('ingested.retryingCaption')}
        columns={retryColumns}
        rowKey={(r) => `${r.topic}:${r.partition}:${r.offset}`}
        list={retrying}
        query={{ limit: Math.max(retrying.data?.total ?? 0, 1), offset: 0 }}
        onQueryChange={() => undefined}
        empty={t('ingested.noneRetrying')}
      />
      <h2>{t('ingested.rejectedTitle')}</h2>
      <DataTable
        caption={t('ingested.rejectedCaption')}
        columns={rejectedColumns}
        rowKey={(r) => r.id}
        list={rejected}
        query={rejectedTable}
        onQueryChange={setRejectedTable}
        empty={t('ingested.noneRejected')}
      />
    </>
  );
}
