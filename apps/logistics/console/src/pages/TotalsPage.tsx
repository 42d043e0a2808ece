import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, Empty, Field, QueryView, useFormat } from '@bridges/console-kit';
import { api, type Totals, type TotalsDimension } from '../api';
import { formatMoney } from '../money';
import { categoryLabel } from '../vocabulary';

const DIMENSIONS: readonly TotalsDimension[] = [
  'all',
  'partnership',
  'hromada',
  'eu-municipality',
  'country',
  'oblast',
  'category',
];
/** The keys with most shipments first; the aggregates are primary-key reads, so a page is cheap. */
const LIMIT = 100;

/** Delivered aid totals by dimension and period (coordinators: every key of a dimension). */
export function TotalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState({ dimension: 'all' as TotalsDimension, period: 'all' });
  const [filters, setFilters] = useState(draft);
  const totals = useQuery({
    queryKey: ['totals', filters],
    queryFn: async () =>
      (
        await call(
          api.GET('/totals', {
            params: { query: { dimension: filters.dimension, period: filters.period, limit: LIMIT } },
          }),
        )
      ).data as unknown as Totals[],
    placeholderData: keepPreviousData,
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const keyLabel = (row: Totals) =>
    row.dimension === 'category' ? categoryLabel(row.key, format.language) : row.key;
  return (
    <>
      <h1>{t('totals.title')}</h1>
      <form className="panel filters" onSubmit={apply} role="search" aria-label={t('kit.filters')}>
        <Field label={t('totals.dimension')} name="dimension" error={totals.error}>
          {(p) => (
            <select
              {...p}
              value={draft.dimension}
              onChange={(e) => setDraft({ ...draft, dimension: e.target.value as TotalsDimension })}
            >
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`totals.by.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('totals.period')} name="period" error={totals.error} hint={t('totals.periodHint')}>
          {(p) => (
            <input
              {...p}
              value={draft.period}
              onChange={(e) => setDraft({ ...draft, period: e.target.value.trim() })}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          {t('kit.apply')}
        </button>
      </form>
      <QueryView query={totals}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('totals.none')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t('totals.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('totals.key')}</th>
                    <th scope="col" className="numeric">
                      {t('totals.shipments')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('shipment.weight')}
                    </th>
                    <th scope="col">{t('shipment.value')}</th>
                    <th scope="col" className="numeric">
                      {t('totals.median')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key} data-total-key={row.key}>
                      <th scope="row">{keyLabel(row)}</th>
                      <td className="numeric">{format.number(row.shipments)}</td>
                      <td className="numeric">{format.number(row.weightKg, 3)}</td>
                      <td>{row.value.map((v) => formatMoney(v, format.language)).join(', ') || '—'}</td>
                      <td className="numeric">{format.number(row.medianDaysToDelivery, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
