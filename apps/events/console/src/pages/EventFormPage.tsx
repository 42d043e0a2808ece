import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, ErrorState, Field, QueryView, useRouter, useToast } from '@bridges/console-kit';
import { EventKind } from '@bridges/contracts/events/events/event-vocabulary.v1';
import { api, type CreateEvent, type EventView, type UpdateEvent } from '../api';
import { useEventLabels } from '../labels';

/** The form as the user types it; the API, not the browser, decides what is valid (one set of rules). */
interface Draft {
  kind: CreateEvent['kind'];
  titleUk: string;
  titleEn: string;
  format: CreateEvent['format'];
  venue: string;
  onlineLink: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  languages: string;
  capacity: string;
  access: CreateEvent['access'];
  approvalRequired: boolean;
  quotas: { key: string; seats: string }[];
  reason: string;
}

/** `<input type="datetime-local">` speaks the browser's local time without a zone. */
const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
/** Local time → ISO 8601 instant; what cannot be read goes as typed, so the API's 400 names the field. */
const toInstant = (local: string): string => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};
const numberOrText = (value: string) => (value.trim() === '' ? undefined : Number(value));

function emptyDraft(): Draft {
  const start = new Date(Date.now() + 30 * 24 * 3600_000);
  start.setHours(9, 0, 0, 0);
  return {
    kind: 'solidarity-forum',
    titleUk: '',
    titleEn: '',
    format: 'in-person',
    venue: '',
    onlineLink: '',
    startsAt: toLocalInput(start.toISOString()),
    endsAt: toLocalInput(new Date(start.getTime() + 8 * 3600_000).toISOString()),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    languages: 'uk, en',
    capacity: '',
    access: 'open',
    approvalRequired: false,
    quotas: [],
    reason: '',
  };
}

const draftOf = (e: EventView): Draft => ({
  ...emptyDraft(),
  kind: e.kind,
  titleUk: e.titleUk,
  titleEn: e.titleEn,
  format: e.format,
  venue: e.venue ?? '',
  onlineLink: e.onlineLink ?? '',
  startsAt: toLocalInput(e.startsAt),
  endsAt: toLocalInput(e.endsAt),
  timeZone: e.timeZone,
  languages: e.workingLanguages.join(', '),
  capacity: String(e.capacity),
  access: e.access,
  approvalRequired: e.approvalRequired,
});

function commonFields(d: Draft): UpdateEvent {
  return {
    titleUk: d.titleUk,
    titleEn: d.titleEn,
    format: d.format,
    ...(d.venue ? { venue: d.venue } : {}),
    ...(d.onlineLink ? { onlineLink: d.onlineLink } : {}),
    startsAt: toInstant(d.startsAt),
    endsAt: toInstant(d.endsAt),
    timeZone: d.timeZone,
    workingLanguages: d.languages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean) as UpdateEvent['workingLanguages'],
    capacity: numberOrText(d.capacity),
    access: d.access,
    approvalRequired: d.approvalRequired,
  };
}

function toCreate(d: Draft): CreateEvent {
  return {
    ...(commonFields(d) as Required<Pick<CreateEvent, 'titleUk'>> & CreateEvent),
    kind: d.kind,
    organiserType: 'coordinators',
    ...(d.quotas.length
      ? {
          quotas: d.quotas.map((q) => ({
            dimension: 'country' as const,
            key: q.key,
            seats: numberOrText(q.seats) as number,
          })),
        }
      : {}),
  };
}

/** Create an event (a draft) or change one; the API's 400 messages appear at their fields. */
export function EventFormPage({ id }: { id?: string }) {
  const event = useQuery({
    queryKey: ['event', id],
    enabled: id !== undefined,
    queryFn: async () =>
      (await call(api.GET('/events/{id}', { params: { path: { id: id! } } }))).data as unknown as EventView,
  });
  if (id === undefined) return <EventForm />;
  // Keyed by version: loading the latest version after a conflict starts the form again from it.
  return <QueryView query={event}>{(e) => <EventForm key={e.version} existing={e} />}</QueryView>;
}

function EventForm({ existing }: { existing?: EventView }) {
  const { t } = useTranslation();
  const toast = useToast();
  const labels = useEventLabels();
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => (existing ? draftOf(existing) : emptyDraft()));
  const save = useMutation({
    mutationFn: async () => {
      const pending = existing
        ? api.PATCH('/events/{id}', {
            // The version this form was opened on: another coordinator's save in between is a 412, not lost.
            params: { path: { id: existing.id }, header: { 'If-Match': `"${existing.version}"` } },
            body: { ...commonFields(draft), ...(draft.reason ? { reason: draft.reason } : {}) },
          })
        : api.POST('/events', { body: toCreate(draft) });
      return (await call(pending)).data as unknown as EventView;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['event', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['events'] });
      toast('success', existing ? t('form.saved') : t('form.created', { title: labels.title(saved) }));
      navigate(`/events/${saved.id}`);
    },
  });
  const fieldErrors = save.error instanceof ApiError ? Object.keys(save.error.fieldErrors).length : 0;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const input = (key: keyof Draft, label: string, type = 'text', inputMode?: 'numeric') => (
    <Field label={label} name={key} error={save.error}>
      {(p) => (
        <input
          {...p}
          type={type}
          inputMode={inputMode}
          value={draft[key] as string}
          onChange={(e) => set(key, e.target.value as never)}
        />
      )}
    </Field>
  );
  const select = (
    key: keyof Draft,
    label: string,
    options: readonly string[],
    show: (v: string) => string,
  ) => (
    <Field label={label} name={key} error={save.error}>
      {(p) => (
        <select {...p} value={draft[key] as string} onChange={(e) => set(key, e.target.value as never)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {show(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const title = existing ? t('form.editTitle') : t('form.createTitle');
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="event-form-title">
      <h1 id="event-form-title">{title}</h1>
      {fieldErrors > 0 && (
        <p role="alert" className="field-error">
          {t('kit.fixFields')}
        </p>
      )}
      {save.error instanceof ApiError && save.error.status === 412 && existing ? (
        <div className="state state-error" role="alert">
          <p>{t('form.changedMeanwhile')}</p>
          <button
            type="button"
            onClick={() => void queryClient.invalidateQueries({ queryKey: ['event', existing.id] })}
          >
            {t('form.loadLatest')}
          </button>
        </div>
      ) : save.error && fieldErrors === 0 ? (
        <ErrorState error={save.error} />
      ) : null}
      <div className="form-grid">
        {!existing &&
          select('kind', t('form.kind'), Object.values(EventKind), (k) => labels.kind(k as never))}
        {input('titleUk', t('form.titleUk'))}
        {input('titleEn', t('form.titleEn'))}
        {select('format', t('form.format'), ['in-person', 'online'], (f) => t(`format.${f}`))}
        {input('venue', t('form.venue'))}
        {input('onlineLink', t('form.onlineLink'), 'url')}
        {input('startsAt', t('form.startsAt'), 'datetime-local')}
        {input('endsAt', t('form.endsAt'), 'datetime-local')}
        {input('timeZone', t('form.timeZone'))}
        {input('languages', t('form.languages'))}
        {input('capacity', t('form.capacity'), 'text', 'numeric')}
        {select('access', t('form.access'), ['open', 'invitation-only'], (a) => t(`access.${a}`))}
        <Field label={t('form.approvalRequired')} name="approvalRequired" error={save.error}>
          {(p) => (
            <input
              {...p}
              type="checkbox"
              checked={draft.approvalRequired}
              onChange={(e) => set('approvalRequired', e.target.checked)}
            />
          )}
        </Field>
        {existing && existing.status !== 'draft' && input('reason', t('form.reason'))}
      </div>
      {existing ? (
        <p className="field-hint">{t('form.quotasAfterCreate')}</p>
      ) : (
        <QuotaRows draft={draft} setDraft={setDraft} error={save.error} />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {existing ? t('kit.save') : t('form.create')}
        </button>
      </div>
    </form>
  );
}

/** Seats per country (the two sides of a forum, say UA and PL); `quotas[n].key` and `.seats` as the API names them. */
function QuotaRows({
  draft,
  setDraft,
  error,
}: {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const setQuota = (index: number, change: Partial<Draft['quotas'][number]>) =>
    setDraft((d) => ({ ...d, quotas: d.quotas.map((q, i) => (i === index ? { ...q, ...change } : q)) }));
  return (
    <fieldset>
      <legend>{t('form.quotas')}</legend>
      {draft.quotas.map((q, i) => (
        <div className="form-grid" key={i}>
          <Field label={t('form.quotaCountry', { n: i + 1 })} name={`quotas[${i}].key`} error={error}>
            {(p) => <input {...p} value={q.key} onChange={(e) => setQuota(i, { key: e.target.value })} />}
          </Field>
          <Field label={t('form.quotaSeats', { n: i + 1 })} name={`quotas[${i}].seats`} error={error}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={q.seats}
                onChange={(e) => setQuota(i, { seats: e.target.value })}
              />
            )}
          </Field>
          <button
            type="button"
            onClick={() => setDraft((d) => ({ ...d, quotas: d.quotas.filter((_, j) => j !== i) }))}
          >
            {t('form.removeQuota', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => setDraft((d) => ({ ...d, quotas: [...d.quotas, { key: '', seats: '' }] }))}
      >
        {t('form.addQuota')}
      </button>
    </fieldset>
  );
}
