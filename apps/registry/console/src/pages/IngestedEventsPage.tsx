import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, useFormat, type Column, type TableQuery } from '@bridges/console-kit';
import { api, type IngestedEvent, type RetryingEvent } from '../api';

/**
 * The association events the registry applied (signed ingest or Kafka), and the records it is
 * retrying now. Dead-lettered events are not stored by the registry: the page says where they are.
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
  return (
    <>
      <h1>{t('ingested.title')}</h1>
      <p>{t('ingested.intro')}</p>
      <DataTable
        caption={t('ingested.caption')}
        columns={columns}
        rowKey={(e) => e.eventId}
        page={recent.data}
        error={recent.error}
        loading={recent.isFetching}
        query={table}
        onQueryChange={setTable}
        onRetry={() => void recent.refetch()}
        empty={t('ingested.none')}
      />
      <h2>{t('ingested.retryingTitle')}</h2>
      <DataTable
        caption={t('ingested.retryingCaption')}
        columns={retryColumns}
        rowKey={(r) => `${r.topic}:${r.partition}:${r.offset}`}
        page={retrying.data}
        error={retrying.error}
        loading={retrying.isFetching}
        query={{ limit: Math.max(retrying.data?.total ?? 0, 1), offset: 0 }}
        onQueryChange={() => undefined}
        onRetry={() => void retrying.refetch()}
        empty={t('ingested.noneRetrying')}
      />
    </>
  );
}
