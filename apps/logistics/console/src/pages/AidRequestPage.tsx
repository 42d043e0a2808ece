import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  call,
  ErrorState,
  Field,
  Link,
  QueryView,
  useAuth,
  useFormat,
  useRouter,
  useToast,
} from '@bridges/console-kit';
import { api, type AidRequest, type Page, type Pledge, type Shipment } from '../api';
import { formatMoney } from '../money';
import { categoryLabel, unitLabel } from '../vocabulary';

/** One request: its lines (quantity, pledged, unpledged, received), pledges and shipments, and what the reader may do. */
export function AidRequestPage({ id }: { id: string }) {
  const request = useQuery({
    queryKey: ['aid-request', id],
    queryFn: async () =>
      (await call(api.GET('/aid-requests/{id}', { params: { path: { id } } }))).data as unknown as AidRequest,
  });
  return <QueryView query={request}>{(r) => <AidRequestView request={r} />}</QueryView>;
}

function AidRequestView({ request: r }: { request: AidRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, hasRole } = useAuth();
  const own = session?.municipalityId;
  // An officer of another municipality who sees the request is one of its partners (the API shows it to no one else).
  const partner = hasRole('municipality:officer') && !!own && own !== r.hromadaId;
  const openToPledges = r.status === 'open' || r.status === 'partly-pledged';
  return (
    <>
      <h1>{r.title}</h1>
      <dl className="panel">
        <dt>{t('col.hromada')}</dt>
        <dd>{r.hromadaName ?? r.hromadaId}</dd>
        <dt>{t('col.status')}</dt>
        <dd>
          <span className="badge">{t(`status.${r.status}`)}</span>
        </dd>
        <dt>{t('col.urgency')}</dt>
        <dd>{t(`urgency.${r.urgency}`)}</dd>
        <dt>{t('post.neededBy')}</dt>
        <dd>{r.neededBy ?? '—'}</dd>
        <dt>{t('post.address')}</dt>
        <dd>{r.deliveryPoint.address}</dd>
        {r.description ? (
          <>
            <dt>{t('post.description')}</dt>
            <dd>{r.description}</dd>
          </>
        ) : null}
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t('request.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.item')}</th>
              <th scope="col">{t('col.category')}</th>
              <th scope="col">{t('col.unit')}</th>
              <th scope="col" className="numeric">
                {t('col.quantity')}
              </th>
              <th scope="col" className="numeric">
                {t('col.pledged')}
              </th>
              <th scope="col" className="numeric">
                {t('col.unpledged')}
              </th>
              <th scope="col" className="numeric">
                {t('col.received')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.id} data-line={l.lineNo}>
                <td>{l.item}</td>
                <td>{categoryLabel(l.category, format.language)}</td>
                <td>{unitLabel(l.unit, format.language)}</td>
                <td className="numeric">{format.number(l.quantity)}</td>
                <td className="numeric">{format.number(l.pledged)}</td>
                <td className="numeric">{format.number(l.unpledged)}</td>
                <td className="numeric">{format.number(l.received)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {partner && openToPledges && <PledgeForm request={r} />}
      <Pledges request={r} mayShip={partner} />
      <RequestShipments requestId={r.id} />
    </>
  );
}

/** A partner EU officer pledges against the lines (at most what is unpledged: the API refuses more). */
function PledgeForm({ request: r }: { request: AidRequest }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(r.lines.map((l) => [l.id, String(l.unpledged)])),
  );
  const [amount, setAmount] = useState('');
  const offered = r.lines.filter((l) => l.unpledged > 0);
  // Lines left blank are not pledged; the API's field paths (lines[i]) index what was sent.
  const sent = offered.filter((l) => quantities[l.id].trim() !== '');
  const pledge = useMutation({
    mutationFn: async () => {
      const lines = sent.map((l) => ({ lineId: l.id, quantity: Number(quantities[l.id]) }));
      const declaredValue = amount.trim()
        ? { amountMinor: Math.round(Number(amount) * 100), currency: 'EUR' as const }
        : undefined;
      const pending = api.POST('/aid-requests/{id}/pledges', {
        params: { path: { id: r.id } },
        body: { lines, ...(declaredValue ? { declaredValue } : {}) },
      });
      return (await call(pending)).data;
    },
    onSuccess: () => {
      toast('success', t('pledge.made'));
      void queryClient.invalidateQueries({ queryKey: ['aid-request', r.id] });
      void queryClient.invalidateQueries({ queryKey: ['pledges', r.id] });
    },
  });
  const fieldErrors = pledge.error instanceof ApiError ? Object.keys(pledge.error.fieldErrors).length : 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    pledge.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="pledge-title">
      <h2 id="pledge-title">{t('pledge.title')}</h2>
      {pledge.error && !fieldErrors ? <ErrorState error={pledge.error} /> : null}
      <div className="form-grid">
        {offered.map((l) => (
          <Field
            key={l.id}
            label={t('pledge.quantity', { item: l.item, unpledged: l.unpledged })}
            name={`lines[${sent.indexOf(l)}].quantity`}
            error={pledge.error}
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={quantities[l.id]}
                onChange={(e) => setQuantities({ ...quantities, [l.id]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <Field label={t('pledge.value')} name="declaredValue" error={pledge.error}>
          {(p) => (
            <input {...p} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={pledge.isPending}>
          {t('pledge.submit')}
        </button>
      </div>
    </form>
  );
}

/** The request's pledges; the pledging EU officer prepares a shipment from their active ones. */
function Pledges({ request: r, mayShip }: { request: AidRequest; mayShip: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useAuth();
  const pledges = useQuery({
    queryKey: ['pledges', r.id],
    queryFn: async () =>
      (await call(api.GET('/aid-requests/{id}/pledges', { params: { path: { id: r.id } } })))
        .data as unknown as Pledge[],
  });
  const item = (lineId: string) => r.lines.find((l) => l.id === lineId)?.item ?? lineId;
  const mine = (pledges.data ?? []).filter(
    (p) => p.status === 'active' && p.euMunicipalityId === session?.municipalityId,
  );
  return (
    <section className="panel" aria-labelledby="pledges-title">
      <h2 id="pledges-title">{t('pledges.title')}</h2>
      <QueryView query={pledges}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('pledges.none')}</p>
          ) : (
            <ul>
              {list.map((p) => (
                <li key={p.id}>
                  <span className="badge">{t(`pledge.status.${p.status}`)}</span>{' '}
                  {p.lines.map((l) => `${item(l.lineId)} × ${format.number(l.quantity)}`).join(', ')}
                  {p.declaredValue ? ` · ${formatMoney(p.declaredValue, format.language)}` : ''}
                  {p.flaggedPartnershipStatus
                    ? ` · ${t('pledge.flagged', { status: p.flaggedPartnershipStatus })}`
                    : ''}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {mayShip && mine.length > 0 && <PrepareShipment pledgeIds={mine.map((p) => p.id)} />}
    </section>
  );
}

/** Prepare a shipment from the reader's active pledges on this request; it gets its BR- reference. */
function PrepareShipment({ pledgeIds }: { pledgeIds: string[] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { navigate } = useRouter();
  const [draft, setDraft] = useState({
    packages: '',
    grossWeightKg: '',
    carrier: '',
    waybillNumber: '',
    vehiclePlate: '',
  });
  const prepare = useMutation({
    mutationFn: async () => {
      const body = {
        pledgeIds,
        packages: Number(draft.packages),
        grossWeightKg: Number(draft.grossWeightKg),
        ...(draft.carrier ? { carrier: draft.carrier } : {}),
        ...(draft.waybillNumber ? { waybillNumber: draft.waybillNumber } : {}),
        ...(draft.vehiclePlate ? { vehiclePlate: draft.vehiclePlate } : {}),
      };
      return (await call(api.POST('/shipments', { body }))).data as unknown as Shipment;
    },
    onSuccess: (s) => {
      toast('success', t('shipment.prepared', { reference: s.reference }));
      navigate(`/shipments/${s.id}`);
    },
  });
  const fieldErrors = prepare.error instanceof ApiError ? Object.keys(prepare.error.fieldErrors).length : 0;
  const input = (key: keyof typeof draft, label: string, inputMode?: 'numeric' | 'decimal') => (
    <Field label={label} name={key} error={prepare.error}>
      {(p) => (
        <input
          {...p}
          inputMode={inputMode}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    prepare.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="prepare-title">
      <h3 id="prepare-title">{t('shipment.prepare')}</h3>
      {prepare.error && !fieldErrors ? <ErrorState error={prepare.error} /> : null}
      <div className="form-grid">
        {input('packages', t('shipment.packages'), 'numeric')}
        {input('grossWeightKg', t('shipment.weight'), 'decimal')}
        {input('carrier', t('shipment.carrier'))}
        {input('waybillNumber', t('shipment.waybill'))}
        {input('vehiclePlate', t('shipment.plate'))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={prepare.isPending}>
          {t('shipment.prepareSubmit')}
        </button>
      </div>
    </form>
  );
}

function RequestShipments({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const shipments = useQuery({
    queryKey: ['shipments', { requestId }],
    queryFn: async () =>
      (await call(api.GET('/shipments', { params: { query: { requestId, limit: 50 } } })))
        .data as unknown as Page<Shipment>,
  });
  return (
    <section className="panel" aria-labelledby="request-shipments">
      <h2 id="request-shipments">{t('nav.shipments')}</h2>
      <QueryView query={shipments}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('shipments.none')}</p>
          ) : (
            <ul>
              {page.items.map((s) => (
                <li key={s.id}>
                  <Link to={`/shipments/${s.id}`}>{s.reference}</Link>{' '}
                  <span className="badge">{t(`shipment.status.${s.status}`)}</span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
