import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  call,
  DataTable,
  ErrorState,
  Link,
  useAuth,
  useFormat,
  useToast,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import { api, type Page, type Partnership, type PartnershipStatus } from '../api';
import { MunicipalityName, useMunicipalitySummaries } from '../municipality-names';
import { PARTNERSHIP_TRANSITIONS } from '../partnership-transitions';

/** Partnerships with their status, and only the status changes the lifecycle allows from there. */
export function PartnershipsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { hasRole } = useAuth();
  const queryClient = useQueryClient();
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['partnerships', table],
    queryFn: async () =>
      (
        await call(
          api.GET('/partnerships', { params: { query: { limit: table.limit, offset: table.offset } } }),
        )
      ).data as unknown as Page<Partnership>,
    placeholderData: keepPreviousData,
  });
  const change = useMutation({
    mutationFn: async ({ id, status }: { id: string; status: PartnershipStatus }) =>
      (await call(api.POST('/partnerships/{id}/status', { params: { path: { id } }, body: { status } })))
        .data as unknown as Partnership,
    onSuccess: (p) => {
      toast('success', t('partnerships.changed', { status: p.status }));
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
    },
  });
  const names = useMunicipalitySummaries(list.data?.items ?? []);
  const columns: Column<Partnership>[] = [
    {
      key: 'hromada',
      header: t('col.hromada'),
      cell: (p) => <MunicipalityName id={p.hromadaId} summaries={names} />,
    },
    {
      key: 'eu',
      header: t('col.eu'),
      cell: (p) => <MunicipalityName id={p.euMunicipalityId} summaries={names} />,
    },
    {
      key: 'status',
      header: t('col.status'),
      cell: (p) => (
        <Link to={`/partnerships/${p.id}`}>
          <span className="badge">{p.status}</span>
        </Link>
      ),
    },
    { key: 'established', header: t('col.established'), cell: (p) => format.date(p.establishedAt) },
    {
      key: 'actions',
      header: t('col.actions'),
      cell: (p) =>
        hasRole('matching:coordinator') ? (
          <div className="actions">
            {PARTNERSHIP_TRANSITIONS[p.status].map((status) => (
              <button
                key={status}
                type="button"
                disabled={change.isPending}
                onClick={() => change.mutate({ id: p.id, status })}
              >
                {t('partnerships.to', { status })}
              </button>
            ))}
          </div>
        ) : null,
    },
  ];
  return (
    <>
      <h1>{t('partnerships.title')}</h1>
      {change.error ? <ErrorState error={change.error} /> : null}
      <DataTable
        caption={t('partnerships.caption')}
        columns={columns}
        rowKey={(p) => p.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
