import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, ErrorState, Field, useFormat, useRouter, useToast } from '@bridges/console-kit';
import { api, COUNTRIES, SECTORS, SETTLEMENT_TYPES, type CreateMunicipality, type Sector } from '../api';

type Contact = NonNullable<CreateMunicipality['contacts']>[number];

const EMPTY = {
  country: 'UA',
  officialCode: '',
  nameNative: '',
  nameLatin: '',
  regionCode: '',
  regionName: '',
  settlementType: 'rural',
  population: '',
  areaKm2: '',
  lat: '',
  lon: '',
  sector: 'water-supply',
  need: '',
  languages: 'uk, en',
  contactName: '',
  contactEmail: '',
  contactLanguage: 'uk',
};
type Draft = typeof EMPTY;

const numberOrAbsent = (value: string): number | undefined =>
  value.trim() === '' ? undefined : Number(value);

/** The form as the API takes it; the API, not the browser, decides what is valid (one set of rules). */
function toRequest(d: Draft): CreateMunicipality {
  const lat = numberOrAbsent(d.lat);
  const lon = numberOrAbsent(d.lon);
  const sector = d.sector as Sector;
  return {
    country: d.country as CreateMunicipality['country'],
    officialCode: d.officialCode,
    nameNative: d.nameNative,
    ...(d.nameLatin ? { nameLatin: d.nameLatin } : {}),
    region: { code: d.regionCode, name: d.regionName },
    settlementType: d.settlementType as CreateMunicipality['settlementType'],
    population: numberOrAbsent(d.population),
    areaKm2: numberOrAbsent(d.areaKm2),
    ...(lat !== undefined || lon !== undefined
      ? { location: { lat: lat as number, lon: lon as number } }
      : {}),
    sectors: [sector],
    ...(d.need ? { needs: [{ sector, description: d.need }] } : {}),
    workingLanguages: d.languages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean) as CreateMunicipality['workingLanguages'],
    seekingPartner: true,
    ...(d.contactName || d.contactEmail
      ? {
          contacts: [
            {
              name: d.contactName,
              email: d.contactEmail,
              preferredLanguage: d.contactLanguage as Contact['preferredLanguage'],
            },
          ],
        }
      : {}),
  };
}

/** Register a hromada or an EU municipality; the registry's 400 messages appear at their fields. */
export function RegisterPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const { navigate } = useRouter();
  const [draft, setDraft] = useState(EMPTY);
  const register = useMutation({
    mutationFn: async () => (await call(api.POST('/municipalities', { body: toRequest(draft) }))).data,
    onSuccess: (created) => {
      toast('success', t('form.registered', { name: format.name(created) }));
      navigate(`/municipalities/${created.municipalityId}`);
    },
  });
  const fieldErrors = register.error instanceof ApiError ? Object.keys(register.error.fieldErrors).length : 0;
  const input = (key: keyof Draft, label: string, name: string, type = 'text') => (
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
  const select = (
    key: keyof Draft,
    label: string,
    name: string,
    options: readonly string[],
    optionLabel: (value: string) => string = (value) => value,
  ) => (
    <Field label={label} name={name} error={register.error}>
      {(p) => (
        <select {...p} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
          {options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="register-title">
      <h1 id="register-title">{t('nav.register')}</h1>
      {fieldErrors > 0 && (
        <p role="alert" className="field-error">
          {t('kit.fixFields')}
        </p>
      )}
      {register.error && fieldErrors === 0 ? <ErrorState error={register.error} /> : null}
      <div className="form-grid">
        {select('country', t('list.country'), 'country', COUNTRIES)}
        {input('officialCode', t('form.officialCode'), 'officialCode')}
        {input('nameNative', t('form.nameNative'), 'nameNative')}
        {input('nameLatin', t('form.nameLatin'), 'nameLatin')}
        {input('regionCode', t('form.regionCode'), 'region.code')}
        {input('regionName', t('form.regionName'), 'region.name')}
        {select('settlementType', t('list.type'), 'settlementType', SETTLEMENT_TYPES)}
        {input('population', t('form.population'), 'population')}
        {input('areaKm2', t('form.area'), 'areaKm2')}
        {input('lat', t('form.lat'), 'location.lat')}
        {input('lon', t('form.lon'), 'location.lon')}
        {select('sector', t('form.sector'), 'sectors', SECTORS, format.sector)}
        {input('need', t('form.need'), 'needs')}
        {input('languages', t('form.languages'), 'workingLanguages')}
        {input('contactName', t('form.contactName'), 'contacts[0].name')}
        {input('contactEmail', t('form.contactEmail'), 'contacts[0].email', 'email')}
        {select('contactLanguage', t('form.contactLanguage'), 'contacts[0].preferredLanguage', [
          'uk',
          'en',
          'pl',
          'de',
          'fr',
        ])}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={register.isPending}>
          {t('form.register')}
        </button>
      </div>
    </form>
  );
}
