import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  call,
  ErrorState,
  Field,
  QueryView,
  useAuth,
  useFormat,
  useToast,
} from '@bridges/console-kit';
import type { components } from '../../generated/api';
import { api, type Municipality, type UpdateMunicipality } from '../api';

/** What any signed-in officer may read of another municipality: no contacts, no version. */
type PublicMunicipality = components['schemas']['PublicMunicipalityResponseDto'];
type ShownMunicipality = PublicMunicipality & Partial<Pick<Municipality, 'version' | 'contacts'>>;

/** The fields the console edits, as text while the user types. */
interface Draft {
  nameLatin: string;
  population: string;
  areaKm2: string;
  partnershipCapacity: string;
  seekingPartner: boolean;
}

const draftOf = (m: Municipality): Draft => ({
  nameLatin: m.nameLatin,
  population: m.population?.toString() ?? '',
  areaKm2: m.areaKm2?.toString() ?? '',
  partnershipCapacity: m.partnershipCapacity?.toString() ?? '',
  seekingPartner: m.seekingPartner,
});

/** Empty stays absent; anything else goes as typed, so the API's 400 names the field when it is wrong. */
const numberOrText = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

function changesOf(draft: Draft): UpdateMunicipality {
  return {
    nameLatin: draft.nameLatin,
    population: numberOrText(draft.population),
    areaKm2: numberOrText(draft.areaKm2),
    partnershipCapacity: numberOrText(draft.partnershipCapacity),
    seekingPartner: draft.seekingPartner,
  };
}

/**
 * A profile: the facts, needs, offers and contacts the caller may see, and editing with If-Match. Another
 * municipality's officer may not read the full profile (404) and sees its public profile instead, so a
 * proposed partner's page (linked from proposals and digests) opens for them too.
 */
export function MunicipalityPage({ id }: { id: string }) {
  const profile = useQuery({
    queryKey: ['municipality', id],
    queryFn: async (): Promise<ShownMunicipality> => {
      try {
        return (await call(api.GET('/municipalities/{id}', { params: { path: { id } } }))).data;
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 403)) throw error;
        return (await call(api.GET('/municipalities/{id}/public', { params: { path: { id } } }))).data;
      }
    },
  });
  return <QueryView query={profile}>{(m) => <Profile municipality={m} />}</QueryView>;
}

function Profile({ municipality: m }: { municipality: ShownMunicipality }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { hasRole, session } = useAuth();
  const mayEdit =
    hasRole('registry:coordinator') ||
    (hasRole('municipality:officer') && session?.municipalityId === m.municipalityId);
  const [editing, setEditing] = useState(false);
  // Only the full profile (with its version for If-Match) can be edited.
  const mayEditThis = mayEdit && isFullProfile(m);
  return (
    <>
      <h1>{format.name(m)}</h1>
      <section className="panel" aria-labelledby="facts">
        <h2 id="facts">{t('profile.facts')}</h2>
        <dl className="facts">
          <dt>{t('col.country')}</dt>
          <dd>
            {m.country} · {m.region.name} · {m.officialCode}
          </dd>
          <dt>{t('col.type')}</dt>
          <dd>{m.settlementType}</dd>
          <dt>{t('profile.population')}</dt>
          <dd>{format.number(m.population)}</dd>
          <dt>{t('profile.area')}</dt>
          <dd>{format.number(m.areaKm2, 1)}</dd>
          <dt>{t('profile.capacity')}</dt>
          <dd>{format.number(m.partnershipCapacity)}</dd>
          <dt>{t('list.seeking')}</dt>
          <dd>{m.seekingPartner ? t('kit.yes') : t('kit.no')}</dd>
          <dt>{t('profile.sectors')}</dt>
          <dd>{m.sectors.map(format.sector).join(', ') || '—'}</dd>
          <dt>{t('profile.needs')}</dt>
          <dd>
            {m.needs.map((n) => `${format.sector(n.sector)}: ${n.description ?? ''}`).join('; ') || '—'}
          </dd>
          <dt>{t('profile.offers')}</dt>
          <dd>
            {m.offers.map((o) => `${format.sector(o.sector)}: ${o.description ?? ''}`).join('; ') || '—'}
          </dd>
          <dt>{t('profile.languages')}</dt>
          <dd>{m.workingLanguages.join(', ') || '—'}</dd>
          {m.version !== undefined && (
            <>
              <dt>{t('profile.version')}</dt>
              <dd>{m.version}</dd>
            </>
          )}
        </dl>
        <h2>{t('profile.contacts')}</h2>
        {m.contacts?.length ? (
          <ul>
            {m.contacts.map((c) => (
              <li key={c.email ?? c.name}>
                {c.name} {c.role ? `(${c.role})` : ''}{' '}
                {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('profile.noContacts')}</p>
        )}
        {mayEditThis && !editing && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {t('profile.edit')}
            </button>
          </div>
        )}
      </section>
      {editing && isFullProfile(m) && (
        <EditProfile key={m.version} municipality={m} onDone={() => setEditing(false)} />
      )}
    </>
  );
}

function isFullProfile(m: ShownMunicipality): m is Municipality {
  return m.version !== undefined;
}

function EditProfile({ municipality: m, onDone }: { municipality: Municipality; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(m));
  const save = useMutation({
    mutationFn: async () =>
      (
        await call(
          api.PATCH('/municipalities/{id}', {
            params: { path: { id: m.municipalityId }, header: { 'If-Match': `"${m.version}"` } },
            body: changesOf(draft),
          }),
        )
      ).data,
    onSuccess: (saved) => {
      queryClient.setQueryData(['municipality', m.municipalityId], saved);
      toast('success', t('profile.saved', { version: saved.version }));
      onDone();
    },
  });
  const conflict = save.error instanceof ApiError && save.error.conflict;
  if (conflict) return <ConflictScreen mine={draft} original={m} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const text = (key: keyof Draft, label: string, inputMode?: 'numeric' | 'decimal') => (
    <Field label={label} name={key} error={save.error}>
      {(p) => (
        <input
          {...p}
          inputMode={inputMode}
          value={draft[key] as string}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title">{t('profile.edit')}</h2>
      {save.error && !(save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length) ? (
        <ErrorState error={save.error} />
      ) : null}
      {save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length > 0 && (
        <p role="alert" className="field-error">
          {t('kit.fixFields')}
        </p>
      )}
      <div className="form-grid">
        {text('nameLatin', t('form.nameLatin'))}
        {text('population', t('form.population'), 'numeric')}
        {text('areaKm2', t('form.area'), 'decimal')}
        {text('partnershipCapacity', t('form.capacity'), 'numeric')}
        <Field label={t('list.seeking')} name="seekingPartner" error={save.error}>
          {(p) => (
            <input
              {...p}
              type="checkbox"
              checked={draft.seekingPartner}
              onChange={(e) => setDraft({ ...draft, seekingPartner: e.target.checked })}
            />
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('kit.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('kit.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Someone saved first (412 on a stale If-Match): nothing of ours was written. Show what we wanted next
 * to what is saved now, and let the user load the latest version to edit again.
 */
function ConflictScreen({ mine, original }: { mine: Draft; original: Municipality }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const latest = useQuery({
    queryKey: ['municipality', original.municipalityId, 'latest'],
    queryFn: async () =>
      (await call(api.GET('/municipalities/{id}', { params: { path: { id: original.municipalityId } } })))
        .data,
  });
  const theirs = latest.data ? draftOf(latest.data) : undefined;
  const labels: Record<keyof Draft, string> = {
    nameLatin: t('form.nameLatin'),
    population: t('form.population'),
    areaKm2: t('form.area'),
    partnershipCapacity: t('form.capacity'),
    seekingPartner: t('list.seeking'),
  };
  const show = (v: string | boolean) =>
    typeof v === 'boolean' ? (v ? t('kit.yes') : t('kit.no')) : v || '—';
  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.body', { version: latest.data?.version ?? '…' })}</p>
      {theirs && (
        <table>
          <caption className="visually-hidden">{t('conflict.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.yours')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {(Object.keys(labels) as (keyof Draft)[]).map((key) => (
              <tr key={key}>
                <th scope="row">{labels[key]}</th>
                <td>{show(mine[key])}</td>
                <td>{show(theirs[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            latest.data && queryClient.setQueryData(['municipality', original.municipalityId], latest.data)
          }
        >
          {t('conflict.reload')}
        </button>
      </div>
    </section>
  );
}
