import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, ErrorState, Field, useAuth, useToast } from '@bridges/console-kit';
import { api, type Register, type RegistrationView } from '../api';
import { useEventLabels } from '../labels';

const EMPTY = { country: 'UA', municipalityId: '', fullName: '', email: '', language: 'uk' };

/**
 * Register one participant (as a delegation of one): an officer for their own municipality (the
 * service fills it in), a coordinator for any. The answer says whether the seat is confirmed or on the
 * waiting list.
 */
export function RegisterForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const labels = useEventLabels();
  const { hasRole } = useAuth();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(EMPTY);
  const register = useMutation({
    mutationFn: async () => {
      const body: Register = {
        type: 'delegation',
        country: draft.country,
        ...(draft.municipalityId ? { municipalityId: draft.municipalityId } : {}),
        participants: [
          {
            fullName: draft.fullName,
            ...(draft.email ? { email: draft.email } : {}),
            language: draft.language as Register['participants'][number]['language'],
          },
        ],
      };
      return (
        await call(api.POST('/events/{eventId}/registrations', { params: { path: { eventId } }, body }))
      ).data as unknown as RegistrationView;
    },
    onSuccess: (saved) => {
      const p = saved.participants[0];
      toast('success', t('register.done', { name: p.fullName, status: labels.seat(p.status) }));
      setDraft((d) => ({ ...EMPTY, country: d.country, municipalityId: d.municipalityId }));
      void queryClient.invalidateQueries({ queryKey: ['registrations', eventId] });
      void queryClient.invalidateQueries({ queryKey: ['event', eventId] });
    },
  });
  const fieldErrors =
    register.error instanceof ApiError && Object.keys(register.error.fieldErrors).length > 0;
  const input = (key: keyof typeof EMPTY, label: string, name: string, type = 'text') => (
    <Field label={label} name={name} error={register.error}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="register-title">
      <h2 id="register-title">{t('register.title')}</h2>
      {fieldErrors && (
        <p role="alert" className="field-error">
          {t('kit.fixFields')}
        </p>
      )}
      {register.error && !fieldErrors ? <ErrorState error={register.error} /> : null}
      <div className="form-grid">
        {input('country', t('register.country'), 'country')}
        {hasRole('events:coordinator') &&
          input('municipalityId', t('register.municipality'), 'municipalityId')}
        {input('fullName', t('register.fullName'), 'participants[0].fullName')}
        {input('email', t('register.email'), 'participants[0].email', 'email')}
        <Field label={t('register.language')} name="participants[0].language" error={register.error}>
          {(p) => (
            <select
              {...p}
              value={draft.language}
              onChange={(e) => setDraft({ ...draft, language: e.target.value })}
            >
              {['uk', 'en', 'pl', 'de', 'fr'].map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={register.isPending}>
          {t('register.submit')}
        </button>
      </div>
    </form>
  );
}
