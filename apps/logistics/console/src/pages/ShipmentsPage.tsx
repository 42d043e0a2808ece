import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, DataTable, Field, Link, useFormat, type Column, type TableQuery } from '@bridges/console-kit';
import { api, type Page, type Shipment } from '../api';

export const SHIPMENT_STATUSES = [
  'prepared',
  'dispatched',
  'at-border',
  'cleared',
  'delivered',
  'received',
  'cancelled',
  'returned',
] as const;

/** Shipments the reader may follow (either municipality; a coordinator: all), by status. */
export function ShipmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState('');
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['shipments', status, table],
    queryFn: async () => {
      const query = {
        limit: table.limit,
        offset: table.offset,
        ...(status ? { status: status as (typeof SHIPMENT_STATUSES)[number] } : {}),
      };
      return (await call(api.GET('/shipments', { params: { query } }))).data as unknown as Page<Shipment>;
    },
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setStatus(draft);
    setTable((q) => ({ ...q, offset: 0 }));
  };
  const columns: Column<Shipment>[] = [
    {
      key: 'reference',
      header: t('col.reference'),
      cell: (s) => <Link to={`/shipments/${s.id}`}>{s.reference}</Link>,
    },
    {
      key: 'status',
      header: t('col.status'),
      cell: (s) => <span className="badge">{t(`shipment.status.${s.status}`)}</span>,
    },
    {
      key: 'packages',
      header: t('shipment.packages'),
      numeric: true,
      cell: (s) => format.number(s.packages),
    },
    {
      key: 'weight',
      header: t('shipment.weight'),
      numeric: true,
      cell: (s) => format.number(s.grossWeightKg, 3),
    },
    { key: 'created', header: t('col.prepared'), cell: (s) => format.date(s.createdAt) },
  ];
  return (
    <>
      <h1>{t('shipments.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('col.status')} name="status" error={list.error}>
          {(p) => (
            <select {...p} value={draft} onChange={(e) => setDraft(e.target.value)}>
              <option value="">{t('kit.any')}</option>
              {SHIPMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`shipment.status.${s}`)}
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
        caption={t('shipments.caption')}
        columns={columns}
        rowKey={(s) => s.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </>
  );
}
