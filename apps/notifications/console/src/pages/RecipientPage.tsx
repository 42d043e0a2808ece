import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ErrorState, Field, QueryView, useToast } from '@bridges/console-kit';
import { api, type Preferences, type Recipient, type TemplateSummary } from '../api';

const CHANNELS = ['email', 'webhook', 'inbox'] as const;
const FREQUENCIES: Preferences['digestFrequency'][] = ['immediate', 'hourly', 'daily'];

/** One recipient and their preferences: channels and emails switched off, digest frequency. */
export function RecipientPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const recipient = useQuery({
    queryKey: ['recipient', id],
    queryFn: async () =>
      (await call(api.GET('/recipients/{id}', { params: { path: { id } } }))).data as unknown as Recipient,
  });
  const preferences = useQuery({
    queryKey: ['preferences', id],
    queryFn: async () =>
      (
        await call(
          api.GET('/recipients/{recipientId}/preferences', { params: { path: { recipientId: id } } }),
        )
      ).data as unknown as Preferences,
  });
  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: async () => (await call(api.GET('/templates', {}))).data,
  });
  return (
    <QueryView query={recipient}>
      {(r) => (
        <>
          <h1>{r.name ?? r.id}</h1>
          <dl className="facts">
            <dt>{t('col.kind')}</dt>
            <dd>{r.kind}</dd>
            <dt>{t('col.email')}</dt>
            <dd>{r.email ?? '—'}</dd>
            <dt>{t('col.language')}</dt>
            <dd>{r.preferredLanguage ?? '—'}</dd>
            <dt>{t('col.active')}</dt>
            <dd>{r.active ? t('kit.yes') : t('kit.no')}</dd>
          </dl>
          <h2>{t('preferences.title')}</h2>
          <QueryView query={preferences}>
            {(p) => (
              <QueryView query={templates}>
                {(list) => <PreferencesForm key={JSON.stringify(p)} preferences={p} templates={list} />}
              </QueryView>
            )}
          </QueryView>
        </>
      )}
    </QueryView>
  );
}

function PreferencesForm({
  preferences,
  templates,
}: {
  preferences: Preferences;
  templates: TemplateSummary[];
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(preferences);
  const save = useMutation({
    mutationFn: async () =>
      call(
        api.PUT('/recipients/{recipientId}/preferences', {
          params: { path: { recipientId: preferences.recipientId } },
          body: {
            disabledChannels: draft.disabledChannels as (typeof CHANNELS)[number][],
            disabledTemplates: draft.disabledTemplates,
            digestFrequency: draft.digestFrequency,
          },
        }),
      ),
    onSuccess: () => {
      toast('success', t('preferences.saved'));
      void queryClient.invalidateQueries({ queryKey: ['preferences', preferences.recipientId] });
    },
  });
  const toggle = (key: 'disabledChannels' | 'disabledTemplates', value: string, off: boolean) =>
    setDraft({
      ...draft,
      [key]: off ? [...draft[key], value] : draft[key].filter((x) => x !== value),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={t('preferences.title')}>
      <fieldset>
        <legend>{t('preferences.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={!draft.disabledChannels.includes(c)}
              onChange={(e) => toggle('disabledChannels', c, !e.target.checked)}
            />{' '}
            {t(`channel.${c}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('preferences.emails')}</legend>
        {templates.map(({ id }) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={!draft.disabledTemplates.includes(`email:${id}`)}
              onChange={(e) => toggle('disabledTemplates', `email:${id}`, !e.target.checked)}
            />{' '}
            {id}
          </label>
        ))}
      </fieldset>
      <Field label={t('preferences.digest')} name="digestFrequency" error={save.error}>
        {(p) => (
          <select
            {...p}
            value={draft.digestFrequency}
            onChange={(e) =>
              setDraft({ ...draft, digestFrequency: e.target.value as Preferences['digestFrequency'] })
            }
          >
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`frequency.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {save.error ? <ErrorState error={save.error} /> : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('kit.save')}
      </button>
    </form>
  );
}
