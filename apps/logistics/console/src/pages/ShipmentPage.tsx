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
  useToast,
} from '@bridges/console-kit';
import { api, etagOf, type Receipt, type Shipment, type ShipmentStatus } from '../api';
import { formatMoney } from '../money';
import { categoryLabel, unitLabel } from '../vocabulary';

/** A shipment with the ETag it was read at: a step sends it back in If-Match. */
interface Read {
  shipment: Shipment;
  etag: string;
}

/** Statuses a goods received note may be recorded in (apps/logistics shipment.lifecycle.ts RECEIVABLE_STATUSES). */
const RECEIVABLE: readonly Shipment['status'][] = ['dispatched', 'at-border', 'cleared', 'delivered'];

/** One shipment: what it carries, its timeline, only the steps its lifecycle allows, and the receipt. */
export function ShipmentPage({ id }: { id: string }) {
  const shipment = useQuery({
    queryKey: ['shipment', id],
    queryFn: async (): Promise<Read> => {
      const { data, response } = await call(api.GET('/shipments/{id}', { params: { path: { id } } }));
      const s = data as unknown as Shipment;
      return { shipment: s, etag: response.headers.get('ETag') ?? etagOf(s.version) };
    },
  });
  return <QueryView query={shipment}>{(read) => <ShipmentView read={read} />}</QueryView>;
}

function ShipmentView({ read }: { read: Read }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, hasRole } = useAuth();
  const s = read.shipment;
  const coordinator = hasRole('logistics:coordinator');
  const hromadaOfficer = hasRole('municipality:officer') && session?.municipalityId === s.hromadaId;
  return (
    <>
      <h1>{t('shipment.title', { reference: s.reference })}</h1>
      <dl className="panel">
        <dt>{t('col.status')}</dt>
        <dd>
          <span className="badge" data-testid="shipment-status">
            {t(`shipment.status.${s.status}`)}
          </span>
        </dd>
        <dt>{t('shipment.request')}</dt>
        <dd>
          <Link to={`/requests/${s.requestId}`}>{t('shipment.openRequest')}</Link>
        </dd>
        <dt>{t('shipment.packages')}</dt>
        <dd>{format.number(s.packages)}</dd>
        <dt>{t('shipment.weight')}</dt>
        <dd>{format.number(s.grossWeightKg, 3)}</dd>
        <dt>{t('shipment.carrier')}</dt>
        <dd>{[s.carrier, s.vehiclePlate, s.waybillNumber].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('shipment.value')}</dt>
        <dd>{s.declaredValue ? formatMoney(s.declaredValue, format.language) : '—'}</dd>
      </dl>
      <div className="table-wrap">
        <table>
          <caption>{t('shipment.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.item')}</th>
              <th scope="col">{t('col.category')}</th>
              <th scope="col">{t('col.unit')}</th>
              <th scope="col" className="numeric">
                {t('col.quantity')}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>{l.item}</td>
                <td>{categoryLabel(l.category, format.language)}</td>
                <td>{unitLabel(l.unit, format.language)}</td>
                <td className="numeric">{format.number(l.quantity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('shipment.timeline')}</h2>
        <ol className="timeline">
          {s.timeline.map((step) => (
            <li key={step.id}>
              <strong>{t(`shipment.status.${step.toStatus}`)}</strong> · {format.date(step.at)}
              {step.place ? ` · ${step.place}` : ''}
              {step.note ? ` · ${step.note}` : ''}
            </li>
          ))}
        </ol>
        <Steps read={read} />
      </section>
      {(coordinator || hromadaOfficer) && RECEIVABLE.includes(s.status) && <ReceiptForm shipment={s} />}
      {s.status === 'received' && <ReceiptView shipmentId={s.id} />}
    </>
  );
}

/** Only the steps the lifecycle allows from here, each sent with If-Match; a stale read shows the conflict. */
function Steps({ read }: { read: Read }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [place, setPlace] = useState('');
  const s = read.shipment;
  const step = useMutation({
    mutationFn: async (status: ShipmentStatus) => {
      const { data, response } = await call(
        api.POST('/shipments/{id}/status', {
          params: { path: { id: s.id }, header: { 'If-Match': read.etag } },
          body: { status, ...(place.trim() ? { place } : {}) },
        }),
      );
      const next = data as unknown as Shipment;
      return { shipment: next, etag: response.headers.get('ETag') ?? etagOf(next.version) };
    },
    onSuccess: (next) => {
      queryClient.setQueryData(['shipment', s.id], next);
      void queryClient.invalidateQueries({ queryKey: ['shipments'] });
      setPlace('');
      toast('success', t('shipment.stepped', { status: t(`shipment.status.${next.shipment.status}`) }));
    },
  });
  if (step.error instanceof ApiError && step.error.conflict) {
    return (
      <div className="conflict" role="alert">
        <h3>{t('conflict.title')}</h3>
        <p>{t('conflict.body')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            step.reset();
            void queryClient.invalidateQueries({ queryKey: ['shipment', s.id] });
          }}
        >
          {t('conflict.reload')}
        </button>
      </div>
    );
  }
  if (s.allowedTransitions.length === 0) return null;
  return (
    <div role="group" aria-label={t('shipment.steps')}>
      {step.error ? <ErrorState error={step.error} /> : null}
      <Field label={t('shipment.place')} name="place" error={step.error}>
        {(p) => <input {...p} value={place} onChange={(e) => setPlace(e.target.value)} />}
      </Field>
      <div className="actions">
        {s.allowedTransitions.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'cancelled' || status === 'returned' ? 'danger' : 'primary'}
            disabled={step.isPending}
            onClick={() => step.mutate(status)}
          >
            {t('shipment.to', { status: t(`shipment.status.${status}`) })}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The hromada's goods received note: what arrived of each line and how much of it is damaged. */
function ReceiptForm({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [lines, setLines] = useState(() =>
    s.lines.map((l) => ({ lineNo: l.lineNo, received: String(l.quantity), damaged: '0' })),
  );
  const [note, setNote] = useState('');
  const receive = useMutation({
    mutationFn: async () => {
      const body = {
        lines: lines.map((l) => ({
          lineNo: l.lineNo,
          receivedQuantity: Number(l.received),
          damagedQuantity: Number(l.damaged),
        })),
        ...(note.trim() ? { note } : {}),
      };
      return (await call(api.POST('/shipments/{id}/receipt', { params: { path: { id: s.id } }, body }))).data;
    },
    onSuccess: () => {
      toast('success', t('receipt.recorded'));
      void queryClient.invalidateQueries({ queryKey: ['shipment', s.id] });
      void queryClient.invalidateQueries({ queryKey: ['shipments'] });
    },
  });
  const fieldErrors = receive.error instanceof ApiError ? Object.keys(receive.error.fieldErrors).length : 0;
  const setLine = (index: number, change: Partial<(typeof lines)[number]>) =>
    setLines(lines.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    receive.mutate();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('receipt.title')}</h2>
      {receive.error && !fieldErrors ? <ErrorState error={receive.error} /> : null}
      {s.lines.map((l, i) => (
        <fieldset key={l.lineNo} className="form-grid">
          <legend>
            {l.item} ({t('receipt.shipped', { quantity: l.quantity })})
          </legend>
          <Field
            label={t('receipt.received', { item: l.item })}
            name={`lines[${i}].receivedQuantity`}
            error={receive.error}
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={lines[i].received}
                onChange={(e) => setLine(i, { received: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t('receipt.damaged', { item: l.item })}
            name={`lines[${i}].damagedQuantity`}
            error={receive.error}
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={lines[i].damaged}
                onChange={(e) => setLine(i, { damaged: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <Field label={t('receipt.note')} name="note" error={receive.error}>
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={receive.isPending}>
          {t('receipt.submit')}
        </button>
      </div>
    </form>
  );
}

function ReceiptView({ shipmentId }: { shipmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const receipt = useQuery({
    queryKey: ['receipt', shipmentId],
    queryFn: async () =>
      (await call(api.GET('/shipments/{id}/receipt', { params: { path: { id: shipmentId } } })))
        .data as unknown as Receipt,
  });
  return (
    <section className="panel" aria-labelledby="receipt-view-title">
      <h2 id="receipt-view-title">{t('receipt.title')}</h2>
      <QueryView query={receipt}>
        {(r) => (
          <p data-testid="receipt-summary">
            {t(r.hasDiscrepancies ? 'receipt.withDiscrepancies' : 'receipt.inFull', {
              at: format.date(r.receivedAt),
            })}
          </p>
        )}
      </QueryView>
    </section>
  );
}
