import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, Link, useFormat, type Column, type TableQuery } from '@bridges/console-kit';
import { api, type Campaign } from '../api';

/** Every campaign with who it admits; a new one starts from here. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['campaigns'],
    queryFn: async () => (await call(api.GET('/campaigns'))).data,
  });
  // The API lists every campaign at once (there are a handful); the table pages them here.
  const page = list.data && {
    items: list.data.slice(table.offset, table.offset + table.limit),
    total: list.data.length,
  };
  const range = (c: Campaign) =>
    `${format.number(c.euEligibility.populationMin)} – ${format.number(c.euEligibility.populationMax)}`;
  const columns: Column<Campaign>[] = [
    { key: 'name', header: t('col.name'), cell: (c) => <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
    { key: 'slug', header: t('campaign.slug'), cell: (c) => <code>{c.slug}</code> },
    {
      key: 'status',
      header: t('col.status'),
      cell: (c) => <span className={`badge${c.status === 'active' ? ' badge-ok' : ''}`}>{c.status}</span>,
    },
    {
      key: 'countries',
      header: t('campaign.countries'),
      cell: (c) => c.euEligibility.countries?.join(', ') ?? t('kit.any'),
    },
    { key: 'population', header: t('campaign.population'), cell: range },
    { key: 'created', header: t('col.created'), cell: (c) => format.date(c.createdAt) },
  ];
  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      <p className="actions">
        <Link to="/campaigns/new">{t('campaigns.new')}</Link>
      </p>
      <DataTable
        caption={t('campaigns.caption')}
        columns={columns}
        rowKey={(c) => c.id}
        page={page}
        error={list.error}
        loading={list.isFetching}
        query={table}
        onQueryChange={setTable}
        onRetry={() => void list.refetch()}
      />
    </>
  );
}
