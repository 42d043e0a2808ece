import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, ErrorState, QueryView, useAuth, useFormat, useToast } from '@bridges/console-kit';
import { api, type Proposal, type ProposalSide } from '../api';
import { MunicipalityName, useMunicipalitySummaries } from '../municipality-names';

/** One proposal: why it was made (each factor's contribution as a bar, with its sentence) and the decisions. */
export function ProposalPage({ id }: { id: string }) {
  const proposal = useQuery({
    queryKey: ['proposal', id],
    queryFn: async () => (await call(api.GET('/proposals/{id}', { params: { path: { id } } }))).data,
  });
  return <QueryView query={proposal}>{(p) => <ProposalView proposal={p} />}</QueryView>;
}

function ProposalView({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFormat();
  const factors = [...p.factors].sort((a, b) => b.score * b.weight - a.score * a.weight);
  const largest = Math.max(...p.factors.map((f) => f.weight), Number.EPSILON);
  const names = useMunicipalitySummaries([p]);
  return (
    <>
      <h1>{t('proposal.title', { score: format.number(p.score, 3) })}</h1>
      <p className="pair">
        <MunicipalityName id={p.hromadaId} summaries={names} /> ↔{' '}
        <MunicipalityName id={p.euMunicipalityId} summaries={names} />
      </p>
      <section className="panel" aria-labelledby="why">
        <h2 id="why">{t('proposal.why')}</h2>
        <ul className="factors" aria-label={t('proposal.why')}>
          {factors.map((f) => {
            const contribution = f.score * f.weight;
            return (
              <li key={f.factor} className="factor" data-factor={f.factor}>
                <strong>{format.factor(f.factor)}</strong>
                <span className="factor-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round((contribution / largest) * 100)}%` }} />
                </span>
                <span className="factor-text">
                  <span className="visually-hidden">
                    {t('proposal.factor', {
                      factor: format.factor(f.factor),
                      contribution: format.number(contribution, 3),
                      score: format.number(f.score, 2),
                      weight: format.number(f.weight, 2),
                    })}{' '}
                  </span>
                  {f.explanation}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <Decisions proposal={p} />
    </>
  );
}

function Decisions({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { hasRole, session } = useAuth();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: async ({ side, accept }: { side: ProposalSide; accept: boolean }) => {
      // A coordinator acts for a side; an officer's side follows from their token.
      const body = hasRole('matching:coordinator') ? { side } : {};
      const path = { id: p.id };
      const pending = accept
        ? api.POST('/proposals/{id}/accept', { params: { path }, body })
        : api.POST('/proposals/{id}/decline', { params: { path }, body });
      return (await call(pending)).data;
    },
    onSuccess: (result) => {
      queryClient.setQueryData(['proposal', p.id], result.proposal);
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      toast('success', t(result.partnership ? 'proposal.partnership' : 'proposal.decided'));
    },
  });
  const sides: {
    side: ProposalSide;
    label: string;
    decision: Proposal['hromadaDecision'];
    municipalityId: string;
  }[] = [
    {
      side: 'hromada',
      label: t('proposal.hromadaSide'),
      decision: p.hromadaDecision,
      municipalityId: p.hromadaId,
    },
    {
      side: 'eu-municipality',
      label: t('proposal.euSide'),
      decision: p.euDecision,
      municipalityId: p.euMunicipalityId,
    },
  ];
  const mayActFor = (municipalityId: string) =>
    hasRole('matching:coordinator') ||
    (hasRole('municipality:officer') && session?.municipalityId === municipalityId);
  return (
    <section className="panel" aria-labelledby="decisions">
      <h2 id="decisions">{t('col.decisions')}</h2>
      {decide.error ? <ErrorState error={decide.error} /> : null}
      {sides.map(({ side, label, decision, municipalityId }) => (
        <div key={side} className="actions" role="group" aria-label={label}>
          <strong>{label}:</strong> <span className="badge">{decision ?? t('proposal.pending')}</span>
          {p.status === 'open' && !decision && mayActFor(municipalityId) && (
            <>
              <button
                type="button"
                className="primary"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ side, accept: true })}
              >
                {t('proposal.accept', { side: t(`proposal.side.${side}`) })}
              </button>
              <button
                type="button"
                className="danger"
                disabled={decide.isPending}
                onClick={() => decide.mutate({ side, accept: false })}
              >
                {t('proposal.decline', { side: t(`proposal.side.${side}`) })}
              </button>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
