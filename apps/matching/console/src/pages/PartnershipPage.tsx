import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ErrorState, Field, QueryView, useAuth, useFormat, useToast } from '@bridges/console-kit';
import { api, type PartnershipDetail, type PartnershipStatus } from '../api';
import { MunicipalityName, useMunicipalitySummaries } from '../municipality-names';

/** One partnership: its status, its whole history, and only the steps the service allows from here. */
export function PartnershipPage({ id }: { id: string }) {
  const partnership = useQuery({
    queryKey: ['partnership', id],
    queryFn: async () => (await call(api.GET('/partnerships/{id}', { params: { path: { id } } }))).data,
  });
  return <QueryView query={partnership}>{(p) => <PartnershipView partnership={p} />}</QueryView>;
}

function PartnershipView({ partnership: p }: { partnership: PartnershipDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { hasRole, session } = useAuth();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const names = useMunicipalitySummaries([p]);
  const change = useMutation({
    mutationFn: async (status: PartnershipStatus) =>
      (
        await call(
          api.POST('/partnerships/{id}/status', {
            params: { path: { id: p.id } },
            body: { status, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          }),
        )
      ).data,
    onSuccess: (changed) => {
      queryClient.setQueryData(['partnership', p.id], changed);
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      setReason('');
      toast('success', t('partnerships.changed', { status: changed.status }));
    },
  });
  // The service decides; the console offers the steps it allows to whoever may take them.
  const mayAct =
    hasRole('matching:coordinator') ||
    (session?.municipalityId !== undefined &&
      [p.hromadaId, p.euMunicipalityId].includes(session.municipalityId));
  return (
    <>
      <h1>{t('partnership.title')}</h1>
      <p className="pair">
        <MunicipalityName id={p.hromadaId} summaries={names} /> ↔{' '}
        <MunicipalityName id={p.euMunicipalityId} summaries={names} />
      </p>
      <p>
        <span className="badge" data-partnership-status={p.status}>
          {p.status}
        </span>{' '}
        · {t('partnership.track', { track: p.track })} · {t('partnership.origin', { origin: p.origin })}
      </p>
      {mayAct && (
        <section className="panel" aria-labelledby="partnership-change">
          <h2 id="partnership-change">{t('col.actions')}</h2>
          {p.allowedTransitions.length === 0 ? (
            <p>{t('partnership.final')}</p>
          ) : (
            <>
              <Field label={t('partnership.reason')} name="reason" error={change.error}>
                {(f) => (
                  <input {...f} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
                )}
              </Field>
              <div className="actions">
                {p.allowedTransitions.map((status) => (
                  <button
                    key={status}
                    type="button"
                    disabled={change.isPending}
                    onClick={() => change.mutate(status)}
                  >
                    {t('partnerships.to', { status })}
                  </button>
                ))}
              </div>
            </>
          )}
          {change.error ? <ErrorState error={change.error} /> : null}
        </section>
      )}
      <section className="panel" aria-labelledby="partnership-history">
        <h2 id="partnership-history">{t('partnership.history')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('partnership.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partnership.when')}</th>
                <th scope="col">{t('partnership.step')}</th>
                <th scope="col">{t('partnership.trackCol')}</th>
                <th scope="col">{t('partnership.by')}</th>
                <th scope="col">{t('partnership.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {p.history.map((step, i) => (
                <tr key={i}>
                  <td>{format.date(step.changedAt)}</td>
                  <td>{step.fromStatus ? `${step.fromStatus} → ${step.toStatus}` : step.toStatus}</td>
                  <td>{step.track}</td>
                  <td>
                    <code>{step.changedBy}</code>
                  </td>
                  <td>{step.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
