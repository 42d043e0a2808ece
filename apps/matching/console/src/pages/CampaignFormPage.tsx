import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, ErrorState, Field, useFormat, useRouter, useToast } from '@bridges/console-kit';
import { api, type CampaignWeights, type CreateCampaign } from '../api';
import { WEIGHT_FACTORS } from '../campaign-weights';
import { campaignRequest, EMPTY_CAMPAIGN_DRAFT, eligibilityOf, type CampaignDraft } from '../campaign-draft';

const SETTLEMENT_TYPES = ['urban', 'settlement', 'rural'] as const;
/** Typing pauses this long before the preview asks the service again. */
const PREVIEW_DELAY_MS = 300;

/**
 * A new campaign: eligibility with a live count of who it admits (the service counts, with the scorer's
 * own rules), and factor weights; empty fields keep the service's defaults. Field errors come from the
 * service's 400s, of the preview while typing and of the creation.
 */
export function CampaignFormPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { navigate } = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<CampaignDraft>(EMPTY_CAMPAIGN_DRAFT);
  const eligibility = useDebounced(eligibilityOf(draft), PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['eligibility-preview', eligibility],
    queryFn: async () => (await call(api.POST('/campaigns/preview-eligibility', { body: eligibility }))).data,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const create = useMutation({
    mutationFn: async (body: CreateCampaign) => (await call(api.POST('/campaigns', { body }))).data,
    onSuccess: (campaign) => {
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      toast('success', t('campaign.created', { name: campaign.name }));
      navigate(`/campaigns/${campaign.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(campaignRequest(draft));
  };
  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  // Eligibility fields show the preview's refusal while typing, the creation's once submitted.
  const eligibilityError = create.error ?? preview.error;
  const text = (key: 'slug' | 'name' | 'countries' | 'oblasts', name: string, hint?: string) => (
    <Field
      label={t(`campaign.${key}`)}
      name={name}
      error={key === 'slug' || key === 'name' ? create.error : eligibilityError}
      hint={hint}
    >
      {(p) => <input {...p} value={draft[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  const count = (key: 'populationMin' | 'populationMax') => (
    <Field label={t(`campaign.${key}`)} name={`euEligibility.${key}`} error={eligibilityError}>
      {(p) => (
        <input
          {...p}
          type="number"
          min={0}
          inputMode="numeric"
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );
  const flag = (
    key: 'excludeMetropolitan' | 'requireFreeCapacity' | 'withoutInternationalPartnerOnly',
    side: string,
  ) => (
    <Field label={t(`campaign.${key}`)} name={`${side}.${key}`} error={eligibilityError}>
      {(p) => (
        <input {...p} type="checkbox" checked={draft[key]} onChange={(e) => set(key, e.target.checked)} />
      )}
    </Field>
  );
  return (
    <>
      <h1>{t('campaign.newTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <section className="panel form-grid" aria-labelledby="campaign-about">
          <h2 id="campaign-about">{t('campaign.about')}</h2>
          {text('name', 'name')}
          {text('slug', 'slug', t('campaign.slugHint'))}
        </section>
        <section className="panel form-grid" aria-labelledby="campaign-eu">
          <h2 id="campaign-eu">{t('campaign.euEligibility')}</h2>
          {text('countries', 'euEligibility.countries', t('campaign.countriesHint'))}
          {count('populationMin')}
          {count('populationMax')}
          {flag('excludeMetropolitan', 'euEligibility')}
          {flag('requireFreeCapacity', 'euEligibility')}
        </section>
        <section className="panel form-grid" aria-labelledby="campaign-hromada">
          <h2 id="campaign-hromada">{t('campaign.hromadaEligibility')}</h2>
          {text('oblasts', 'hromadaEligibility.oblasts', t('campaign.oblastsHint'))}
          <Field
            label={t('campaign.settlementTypes')}
            name="hromadaEligibility.settlementTypes"
            error={eligibilityError}
            hint={t('campaign.settlementTypesHint')}
          >
            {(p) => (
              <select
                {...p}
                multiple
                value={draft.settlementTypes}
                onChange={(e) =>
                  set(
                    'settlementTypes',
                    [...e.target.selectedOptions].map((o) => o.value),
                  )
                }
              >
                {SETTLEMENT_TYPES.map((type) => (
                  <option key={type}>{type}</option>
                ))}
              </select>
            )}
          </Field>
          {flag('withoutInternationalPartnerOnly', 'hromadaEligibility')}
        </section>
        <EligibilityCount preview={preview.data} error={preview.error} pending={preview.isFetching} />
        <section className="panel form-grid" aria-labelledby="campaign-weights">
          <h2 id="campaign-weights">{t('campaign.weights')}</h2>
          <p className="field-hint">{t('campaign.weightsHint')}</p>
          {(Object.keys(WEIGHT_FACTORS) as (keyof CampaignWeights)[]).map((key) => (
            <WeightField key={key} weight={key} draft={draft} onChange={setDraft} error={create.error} />
          ))}
        </section>
        {create.error ? <ErrorState error={create.error} /> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('campaign.create')}
          </button>
          <button type="button" onClick={() => navigate('/campaigns')}>
            {t('kit.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

function WeightField({
  weight,
  draft,
  onChange,
  error,
}: {
  weight: keyof CampaignWeights;
  draft: CampaignDraft;
  onChange: (update: (d: CampaignDraft) => CampaignDraft) => void;
  error: unknown;
}) {
  const format = useFormat();
  return (
    <Field label={format.factor(WEIGHT_FACTORS[weight])} name={`weights.${weight}`} error={error}>
      {(p) => (
        <input
          {...p}
          type="number"
          min={0}
          max={100}
          step="any"
          value={draft.weights[weight] ?? ''}
          onChange={(e) => onChange((d) => ({ ...d, weights: { ...d.weights, [weight]: e.target.value } }))}
        />
      )}
    </Field>
  );
}

/** The live count, announced politely to screen readers as it changes. */
function EligibilityCount({
  preview,
  error,
  pending,
}: {
  preview?: {
    euMunicipalities: { eligible: number; total: number };
    hromadas: { eligible: number; total: number };
  };
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="campaign-preview" aria-busy={pending}>
      <h2 id="campaign-preview">{t('campaign.preview')}</h2>
      <div aria-live="polite">
        {error ? (
          <p role="status">{t('campaign.previewInvalid')}</p>
        ) : preview ? (
          <ul>
            <li data-preview="eu">
              {t('campaign.previewEu', {
                eligible: format.number(preview.euMunicipalities.eligible),
                total: format.number(preview.euMunicipalities.total),
              })}
            </li>
            <li data-preview="hromadas">
              {t('campaign.previewHromadas', {
                eligible: format.number(preview.hromadas.eligible),
                total: format.number(preview.hromadas.total),
              })}
            </li>
          </ul>
        ) : (
          <p>{t('kit.loading')}</p>
        )}
      </div>
    </section>
  );
}

/** `value`, once it has stopped changing for `delay` ms (compared by its JSON). */
function useDebounced<T>(value: T, delay: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return settled;
}
