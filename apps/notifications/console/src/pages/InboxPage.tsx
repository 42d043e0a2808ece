import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, useFormat, type Column, type TableQuery } from '@bridges/console-kit';
import { api, type InboxItem, type Page } from '../api';

/** The signed-in user's inbox (and, for an officer, their municipality's). */
export function InboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['inbox', table],
    queryFn: async () =>
      (await call(api.GET('/inbox', { params: { query: { limit: table.limit, offset: table.offset } } })))
        .data as unknown as Page<InboxItem>,
    placeholderData: keepPreviousData,
  });
  const markRead = useMutation({
    mutationFn: async (id: string) => call(api.POST('/inbox/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  const columns: Column<InboxItem>[] = [
    { key: 'when', header: t('col.when'), cell: (i) => format.date(i.createdAt) },
    {
      key: 'title',
      header: t('inbox.title'),
      cell: (i) => (i.readAt ? i.title : <strong>{i.title}</strong>),
    },
    { key: 'summary', header: t('col.event'), cell: (i) => i.summary },
    {
      key: 'actions',
      header: t('col.actions'),
      cell: (i) =>
        i.readAt ? null : (
          <button type="button" onClick={() => markRead.mutate(i.id)}>
            {t('inbox.markRead')}
          </button>
        ),
    },
  ];
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <DataTable
        caption={t('inbox.caption')}
        columns={columns}
        rowKey={(i) => i.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
