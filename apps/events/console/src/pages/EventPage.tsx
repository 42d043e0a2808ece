import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, ErrorState, Link, QueryView, useAuth, useFormat, useToast } from '@bridges/console-kit';
import type { EventStatus } from '@bridges/contracts/events/events/event-vocabulary.v1';
import { api, type EventView } from '../api';
import { EVENT_TRANSITIONS } from '../event-transitions';
import { useEventLabels } from '../labels';
import { CheckInForm } from '../sections/CheckInForm';
import { RegisterForm } from '../sections/RegisterForm';
import { RegistrationsSection } from '../sections/RegistrationsSection';

export const eventQueryKey = (id: string) => ['event', id];

/** One event: its facts and seats, the coordinator's status steps and door check-in, and registrations. */
export function EventPage({ id }: { id: string }) {
  const event = useQuery({
    queryKey: eventQueryKey(id),
    queryFn: async () =>
      (await call(api.GET('/events/{id}', { params: { path: { id } } }))).data as unknown as EventView,
  });
  return <QueryView query={event}>{(e) => <EventDetails event={e} />}</QueryView>;
}

function EventDetails({ event: e }: { event: EventView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useEventLabels();
  const { hasRole } = useAuth();
  const coordinator = hasRole('events:coordinator');
  const registrationOpen = e.status === 'published';
  return (
    <>
      <h1>{labels.title(e)}</h1>
      <section className="panel" aria-labelledby="facts">
        <h2 id="facts">{t('event.facts')}</h2>
        <dl className="facts">
          <dt>{t('col.kind')}</dt>
          <dd>{labels.kind(e.kind)}</dd>
          <dt>{t('col.status')}</dt>
          <dd>
            <span className="badge" data-testid="event-status">
              {labels.status(e.status)}
            </span>
          </dd>
          <dt>{t('event.when')}</dt>
          <dd>
            {format.date(e.startsAt)} – {format.date(e.endsAt)} ({e.timeZone})
          </dd>
          <dt>{t('event.where')}</dt>
          <dd>
            {t(`format.${e.format}`)}
            {e.venue ? ` · ${e.venue}` : ''}
            {e.onlineLink ? (
              <>
                {' · '}
                <a href={e.onlineLink}>{e.onlineLink}</a>
              </>
            ) : null}
          </dd>
          <dt>{t('event.access')}</dt>
          <dd>{t(`access.${e.access}`)}</dd>
          <dt>{t('col.seats')}</dt>
          <dd data-testid="seats">
            {t('event.seats', { free: format.number(e.seatsFree), capacity: format.number(e.capacity) })}
          </dd>
          <dt>{t('event.quotas')}</dt>
          <dd>
            {e.quotas.length === 0 ? (
              t('event.noQuotas')
            ) : (
              <ul>
                {e.quotas.map((q) => (
                  <li key={`${q.dimension}:${q.key}`}>
                    {t('event.quota', {
                      key: q.key,
                      held: format.number(q.held),
                      seats: format.number(q.seats),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        {coordinator && <StatusSteps event={e} />}
      </section>
      {coordinator && <CheckInForm eventId={e.id} />}
      {registrationOpen && <RegisterForm eventId={e.id} />}
      <RegistrationsSection eventId={e.id} />
    </>
  );
}

/** Only the steps the lifecycle allows from the event's status (as the service enforces them). */
function StatusSteps({ event: e }: { event: EventView }) {
  const { t } = useTranslation();
  const labels = useEventLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: async (status: EventStatus) =>
      (await call(api.POST('/events/{id}/status', { params: { path: { id: e.id } }, body: { status } })))
        .data as unknown as EventView,
    onSuccess: (saved) => {
      queryClient.setQueryData(eventQueryKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['events'] });
      toast('success', t('event.statusChanged', { status: labels.status(saved.status) }));
    },
  });
  const stepLabel = (to: EventStatus) =>
    e.status === 'registration-closed' && to === 'published' ? t('event.step.reopen') : t(`event.step.${to}`);
  return (
    <>
      {change.error ? <ErrorState error={change.error} /> : null}
      <div className="actions" role="group" aria-label={t('event.steps')}>
        {EVENT_TRANSITIONS[e.status].map((to) => (
          <button key={to} type="button" disabled={change.isPending} onClick={() => change.mutate(to)}>
            {stepLabel(to)}
          </button>
        ))}
        {e.status !== 'held' && e.status !== 'cancelled' && (
          <Link to={`/events/${e.id}/edit`}>{t('event.edit')}</Link>
        )}
      </div>
    </>
  );
}
