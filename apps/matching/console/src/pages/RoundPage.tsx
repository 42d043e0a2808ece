import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, Link, QueryView, useFormat } from '@bridges/console-kit';
import { api, type Round } from '../api';
import { optimalityGap, roundInProgress } from '../round-result';

/** Polling period while the round is queued or running. */
const POLL_MS = 1000;

/** One global round: live progress while it runs, then its result and how close to optimal it is. */
export function RoundPage({ id }: { id: string }) {
  const round = useQuery({
    queryKey: ['round', id],
    queryFn: async () => (await call(api.GET('/rounds/{id}', { params: { path: { id } } }))).data,
    refetchInterval: (query) => (query.state.data && !roundInProgress(query.state.data) ? false : POLL_MS),
  });
  return <QueryView query={round}>{(r) => <RoundView round={r} />}</QueryView>;
}

function RoundView({ round: r }: { round: Round }) {
  const { t } = useTranslation();
  const format = useFormat();
  const gap = optimalityGap(r);
  return (
    <>
      <h1>{t('round.title', { date: format.date(r.createdAt) })}</h1>
      <p>
        <Link to={`/campaigns/${r.campaignId}`}>{t('round.campaign')}</Link>
      </p>
      <section className="panel" aria-labelledby="round-progress">
        <h2 id="round-progress">{t('round.progress')}</h2>
        <p aria-live="polite" data-round-status={r.status}>
          <span className="badge">{t(`round.status.${r.status}`)}</span> · {t(`round.phase.${r.phase}`)}
          {roundInProgress(r) && r.total > 0 ? ` · ${format.number(r.done)} / ${format.number(r.total)}` : ''}
        </p>
        {roundInProgress(r) && (
          <progress
            aria-label={t('round.progress')}
            value={r.total > 0 ? r.done : undefined}
            max={r.total > 0 ? r.total : undefined}
          />
        )}
        {r.status === 'failed' && <p role="alert">{t('round.failed', { error: r.error ?? '' })}</p>}
      </section>
      {r.status === 'completed' && (
        <section className="panel" aria-labelledby="round-result">
          <h2 id="round-result">{t('round.result')}</h2>
          <dl data-round-result>
            <div>
              <dt>{t('round.matched')}</dt>
              <dd data-result="matched">{format.number(r.proposalCount)}</dd>
            </div>
            <div>
              <dt>{t('round.considered')}</dt>
              <dd>
                {t('round.consideredValue', {
                  hromadas: format.number(r.hromadaCount),
                  eu: format.number(r.euCount),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('round.totalScore')}</dt>
              <dd data-result="total-score">{format.number(r.totalScore, 3)}</dd>
            </div>
            <div>
              <dt>{t('round.upperBound')}</dt>
              <dd>{format.number(r.upperBound, 3)}</dd>
            </div>
            <div>
              <dt>{t('round.optimality')}</dt>
              <dd data-result="optimality">
                {gap === null
                  ? t('round.noBound')
                  : gap === 0
                    ? t('round.provenOptimal')
                    : t('round.withinGap', { gap: format.number(gap * 100, 3) })}
              </dd>
            </div>
          </dl>
          <p className="field-hint">{t('round.boundHint')}</p>
        </section>
      )}
    </>
  );
}
