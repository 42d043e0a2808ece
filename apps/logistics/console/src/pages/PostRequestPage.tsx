import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  call,
  ErrorState,
  Field,
  useAuth,
  useFormat,
  useRouter,
  useToast,
} from '@bridges/console-kit';
import {
  api,
  type AidCategory,
  type AidRequest,
  type CreateAidRequest,
  type UnitCode,
  type Urgency,
} from '../api';
import { CATEGORY_IDS, categoryLabel, UNIT_IDS, unitLabel } from '../vocabulary';

const URGENCIES: readonly Urgency[] = ['critical', 'high', 'normal', 'low'];

interface LineDraft {
  item: string;
  category: AidCategory;
  unit: UnitCode;
  quantity: string;
}
const EMPTY_LINE: LineDraft = { item: '', category: 'energy', unit: 'H87', quantity: '' };

/** The form as the API takes it; the API, not the browser, decides what is valid (one set of rules). */
function toRequest(d: {
  hromadaId: string;
  title: string;
  description: string;
  urgency: Urgency;
  neededBy: string;
  address: string;
  lines: LineDraft[];
}): CreateAidRequest {
  return {
    hromadaId: d.hromadaId,
    title: d.title,
    ...(d.description ? { description: d.description } : {}),
    urgency: d.urgency,
    ...(d.neededBy ? { neededBy: d.neededBy } : {}),
    deliveryPoint: { address: d.address },
    lines: d.lines.map((l) => ({
      item: l.item,
      category: l.category,
      unit: l.unit,
      // Sent as typed ("" is 0, "abc" null): the API names the problem at the field.
      quantity: Number(l.quantity),
    })),
  };
}

/** A hromada's officer (or a coordinator for a hromada) posts a request; its 400 messages appear at the fields. */
export function PostRequestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const { navigate } = useRouter();
  const { session, hasRole } = useAuth();
  const officer = hasRole('municipality:officer') && !hasRole('logistics:coordinator');
  const [draft, setDraft] = useState({
    hromadaId: officer ? (session?.municipalityId ?? '') : '',
    title: '',
    description: '',
    urgency: 'normal' as Urgency,
    neededBy: '',
    address: '',
    lines: [{ ...EMPTY_LINE }],
  });
  const post = useMutation({
    mutationFn: async () =>
      (await call(api.POST('/aid-requests', { body: toRequest(draft) }))).data as unknown as AidRequest,
    onSuccess: (created) => {
      toast('success', t('post.posted', { title: created.title }));
      navigate(`/requests/${created.id}`);
    },
  });
  const fieldErrors = post.error instanceof ApiError ? Object.keys(post.error.fieldErrors).length : 0;
  const setLine = (index: number, change: Partial<LineDraft>) =>
    setDraft({ ...draft, lines: draft.lines.map((l, i) => (i === index ? { ...l, ...change } : l)) });
  const text = (
    key: 'hromadaId' | 'title' | 'description' | 'neededBy' | 'address',
    label: string,
    name: string,
    type = 'text',
  ) => (
    <Field label={label} name={name} error={post.error}>
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="post-title">
      <h1 id="post-title">{t('post.title')}</h1>
      {post.error && !fieldErrors ? <ErrorState error={post.error} /> : null}
      {fieldErrors > 0 && (
        <p role="alert" className="field-error">
          {t('kit.fixFields')}
        </p>
      )}
      <div className="form-grid">
        {!officer && text('hromadaId', t('post.hromadaId'), 'hromadaId')}
        {text('title', t('post.requestTitle'), 'title')}
        {text('description', t('post.description'), 'description')}
        <Field label={t('col.urgency')} name="urgency" error={post.error}>
          {(p) => (
            <select
              {...p}
              value={draft.urgency}
              onChange={(e) => setDraft({ ...draft, urgency: e.target.value as Urgency })}
            >
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t(`urgency.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('neededBy', t('post.neededBy'), 'neededBy', 'date')}
        {text('address', t('post.address'), 'deliveryPoint.address')}
      </div>
      {draft.lines.map((line, i) => (
        <fieldset key={i} className="form-grid">
          <legend>{t('post.line', { n: i + 1 })}</legend>
          <Field label={t('col.item')} name={`lines[${i}].item`} error={post.error}>
            {(p) => <input {...p} value={line.item} onChange={(e) => setLine(i, { item: e.target.value })} />}
          </Field>
          <Field label={t('col.category')} name={`lines[${i}].category`} error={post.error}>
            {(p) => (
              <select
                {...p}
                value={line.category}
                onChange={(e) => setLine(i, { category: e.target.value as AidCategory })}
              >
                {CATEGORY_IDS.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c, format.language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('col.unit')} name={`lines[${i}].unit`} error={post.error}>
            {(p) => (
              <select
                {...p}
                value={line.unit}
                onChange={(e) => setLine(i, { unit: e.target.value as UnitCode })}
              >
                {UNIT_IDS.map((u) => (
                  <option key={u} value={u}>
                    {unitLabel(u, format.language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('col.quantity')} name={`lines[${i}].quantity`} error={post.error}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={line.quantity}
                onChange={(e) => setLine(i, { quantity: e.target.value })}
              />
            )}
          </Field>
          {draft.lines.length > 1 && (
            <button
              type="button"
              onClick={() => setDraft({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })}
            >
              {t('post.removeLine', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          onClick={() => setDraft({ ...draft, lines: [...draft.lines, { ...EMPTY_LINE }] })}
        >
          {t('post.addLine')}
        </button>
        <button type="submit" className="primary" disabled={post.isPending}>
          {t('post.submit')}
        </button>
      </div>
    </form>
  );
}
