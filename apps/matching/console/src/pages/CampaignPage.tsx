import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  call,
  DataTable,
  ErrorState,
  Link,
  QueryView,
  useFormat,
  useRouter,
  useToast,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import { api, type Campaign, type CampaignWeights, type Round } from '../api';
import { WEIGHT_FACTORS } from '../campaign-weights';
import { roundInProgress } from '../round-result';

/** Polling period of a campaign's rounds while one is in progress. */
const POLL_MS = 1000;

/** One campaign: who it admits, how factors weigh, its global rounds and starting another. */
export function CampaignPage({ id }: { id: string }) {
  const campaign = useQuery({
    queryKey: ['campaign', id],
    queryFn: async () => (await call(api.GET('/campaigns/{id}', { params: { path: { id } } }))).data,
  });
  return <QueryView query={campaign}>{(c) => <CampaignView campaign={c} />}</QueryView>;
}

function CampaignView({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const start = useMutation({
    // The id is chosen here so that a retried request returns the same round instead of starting another.
    mutationFn: async (roundId: string) =>
      (
        await call(
          api.POST('/campaigns/{campaignId}/rounds', {
            params: { path: { campaignId: c.id } },
            body: { roundId },
          }),
        )
      ).data,
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: ['rounds'] });
      toast('success', t('round.started'));
      navigate(`/rounds/${round.id}`);
    },
  });
  const close = useMutation({
    mutationFn: async () =>
      (await call(api.POST('/campaigns/{id}/close', { params: { path: { id: c.id } } }))).data,
    onSuccess: (closed) => {
      queryClient.setQueryData(['campaign', c.id], closed);
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      toast('success', t('campaign.closed'));
    },
  });
  const eu = c.euEligibility;
  const hromada = c.hromadaEligibility;
  const rows: [string, string][] = [
    [t('campaign.countries'), eu.countries?.join(', ') ?? t('kit.any')],
    [t('campaign.population'), `${format.number(eu.populationMin)} – ${format.number(eu.populationMax)}`],
    [t('campaign.excludeMetropolitan'), t(eu.excludeMetropolitan ? 'yes' : 'no')],
    [t('campaign.requireFreeCapacity'), t(eu.requireFreeCapacity === false ? 'no' : 'yes')],
    [t('campaign.oblasts'), hromada.oblasts?.join(', ') ?? t('kit.any')],
    [t('campaign.settlementTypes'), hromada.settlementTypes?.join(', ') ?? t('kit.any')],
    [
      t('campaign.withoutInternationalPartnerOnly'),
      t(hromada.withoutInternationalPartnerOnly ? 'yes' : 'no'),
    ],
  ];
  return (
    <>
      <h1>{c.name}</h1>
      <p>
        <code>{c.slug}</code> ·{' '}
        <span className={`badge${c.status === 'active' ? ' badge-ok' : ''}`}>{c.status}</span>
      </p>
      {c.status === 'active' && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={start.isPending}
            onClick={() => start.mutate(crypto.randomUUID())}
          >
            {t('round.start')}
          </button>
          <button type="button" className="danger" disabled={close.isPending} onClick={() => close.mutate()}>
            {t('campaign.close')}
          </button>
        </div>
      )}
      {start.error ? <ErrorState error={start.error} /> : null}
      {close.error ? <ErrorState error={close.error} /> : null}
      <section className="panel" aria-labelledby="campaign-eligibility">
        <h2 id="campaign-eligibility">{t('campaign.eligibility')}</h2>
        <dl>
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="panel" aria-labelledby="campaign-weights">
        <h2 id="campaign-weights">{t('campaign.weights')}</h2>
        <dl>
          {(Object.keys(WEIGHT_FACTORS) as (keyof CampaignWeights)[]).map((key) => (
            <div key={key}>
              <dt>{format.factor(WEIGHT_FACTORS[key])}</dt>
              <dd>{format.number(c.weights[key], 2)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <RoundsTable campaignId={c.id} />
    </>
  );
}

/** Rounds, newest first (of one campaign or all), refreshed while one is in progress. */
export function RoundsTable({ campaignId }: { campaignId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [table, setTable] = useState<TableQuery>({ limit: 10, offset: 0 });
  const list = useQuery({
    queryKey: ['rounds', campaignId, table],
    queryFn: async () =>
      (
        await call(
          api.GET('/rounds', {
            params: {
              query: { limit: table.limit, offset: table.offset, ...(campaignId ? { campaignId } : {}) },
            },
          }),
        )
      ).data,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(roundInProgress) ? POLL_MS : false),
  });
  const columns: Column<Round>[] = [
    {
      key: 'created',
      header: t('col.created'),
      cell: (r) => <Link to={`/rounds/${r.id}`}>{format.date(r.createdAt)}</Link>,
    },
    { key: 'status', header: t('col.status'), cell: (r) => <span className="badge">{r.status}</span> },
    {
      key: 'matched',
      header: t('round.matched'),
      numeric: true,
      cell: (r) => format.number(r.proposalCount),
    },
    {
      key: 'score',
      header: t('round.totalScore'),
      numeric: true,
      cell: (r) => format.number(r.totalScore, 3),
    },
  ];
  return (
    <section aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t('rounds.title')}</h2>
      <DataTable
        caption={t('rounds.caption')}
        columns={columns}
        rowKey={(r) => r.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </section>
  );
}
