import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  call,
  DataTable,
  ErrorState,
  useAuth,
  useFormat,
  useToast,
  type Column,
  type TableQuery,
} from '@bridges/console-kit';
import { api, type Page, type ParticipantView, type RegistrationView } from '../api';
import { useEventLabels } from '../labels';

type Step = 'cancel' | 'accept-offer' | 'decline-offer' | 'approve' | 'reject';
const STEP_LABEL: Record<Step, string> = {
  cancel: 'participant.cancel',
  'accept-offer': 'participant.acceptOffer',
  'decline-offer': 'participant.declineOffer',
  approve: 'participant.approve',
  reject: 'participant.reject',
};

/** What may be done with a participant's seat from its status (the service decides each call). */
function stepsFor(p: ParticipantView, coordinator: boolean): Step[] {
  switch (p.status) {
    case 'offered':
      return ['accept-offer', 'decline-offer', 'cancel'];
    case 'pending':
      return coordinator ? ['approve', 'reject', 'cancel'] : ['cancel'];
    case 'confirmed':
    case 'waitlisted':
      return ['cancel'];
    case 'offer-expired':
    case 'rejected':
    case 'cancelled':
      return [];
  }
}

/** An event's registrations (an officer's own municipality's only), each participant's seat and its steps. */
export function RegistrationsSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useEventLabels();
  const toast = useToast();
  const { hasRole } = useAuth();
  const coordinator = hasRole('events:coordinator');
  const queryClient = useQueryClient();
  const [table, setTable] = useState<TableQuery>({ limit: 20, offset: 0 });
  const list = useQuery({
    queryKey: ['registrations', eventId, table],
    queryFn: async () =>
      (
        await call(
          api.GET('/events/{eventId}/registrations', {
            params: { path: { eventId }, query: { limit: table.limit, offset: table.offset } },
          }),
        )
      ).data as unknown as Page<RegistrationView>,
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: async ({
      registration,
      participant,
      step,
    }: {
      registration: string;
      participant: string;
      step: Step;
    }) =>
      (
        await call(
          api.POST(`/registrations/{id}/participants/{participantId}/${step}`, {
            params: { path: { id: registration, participantId: participant } },
          }),
        )
      ).data as unknown as RegistrationView,
    onSuccess: (saved, { participant }) => {
      const p = saved.participants.find((x) => x.id === participant);
      if (p) toast('success', t('participant.done', { name: p.fullName, status: labels.seat(p.status) }));
      // A cancellation may offer the seat to someone in another registration: reload them all.
      void queryClient.invalidateQueries({ queryKey: ['registrations', eventId] });
      void queryClient.invalidateQueries({ queryKey: ['event', eventId] });
    },
  });
  const seat = (p: ParticipantView) => (
    <>
      <span className="badge" data-participant-status={p.status}>
        {labels.seat(p.status)}
      </span>
      {p.waitlistPosition !== null && <> {t('participant.waitlistPlace', { n: p.waitlistPosition })}</>}
      {p.offerExpiresAt && <> {t('participant.offerUntil', { date: format.date(p.offerExpiresAt) })}</>}
      {p.checkedInAt && <> {t('participant.checkedIn', { date: format.date(p.checkedInAt) })}</>}
      {p.checkInCode && (
        <>
          {' · '}
          <span>{t('col.code')}: </span>
          <code data-check-in-code={p.fullName}>{p.checkInCode}</code>
        </>
      )}
    </>
  );
  const columns: Column<RegistrationView>[] = [
    {
      key: 'delegation',
      header: t('col.delegation'),
      cell: (r) => `${r.country}${r.municipalityId ? ` · ${r.municipalityId.slice(0, 8)}` : ''}`,
    },
    {
      key: 'participants',
      header: t('col.person'),
      cell: (r) => (
        <ul className="plain">
          {r.participants.map((p) => (
            <li key={p.id} data-participant={p.fullName}>
              <strong>{p.fullName}</strong> — {seat(p)}
              <span className="actions">
                {stepsFor(p, coordinator).map((step) => (
                  <button
                    key={step}
                    type="button"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ registration: r.id, participant: p.id, step })}
                  >
                    {t(STEP_LABEL[step], { name: p.fullName })}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'registered', header: t('col.registered'), cell: (r) => format.date(r.createdAt) },
  ];
  return (
    <section aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t('registrations.title')}</h2>
      {!coordinator && <p>{t('registrations.officerNote')}</p>}
      {act.error ? <ErrorState error={act.error} /> : null}
      <DataTable
        caption={t('registrations.caption')}
        columns={columns}
        rowKey={(r) => r.id}
        list={list}
        query={table}
        onQueryChange={setTable}
      />
    </section>
  );
}
