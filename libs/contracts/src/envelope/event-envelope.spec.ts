import { CloudEventHeader } from './cloud-event-headers';
import { EnvelopeError, fromRecordHeaders, toRecordHeaders, type EventMetadata } from './event-envelope';

const meta: EventMetadata = {
  id: '5d1a3f0e-8a4b-4d7e-9c1f-2b3a4c5d6e7f',
  type: 'registry.municipality.registered.v1',
  source: '/bridges/registry',
  time: '2026-11-28T12:00:00.000Z',
  subject: 'c0ffee00-1111-4222-8333-444455556666',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

describe('toRecordHeaders', () => {
  it('should render every attribute as a ce_ header in binary mode', () => {
    const headers = toRecordHeaders(meta);
    expect(headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: meta.id,
      ce_type: meta.type,
      ce_source: meta.source,
      ce_time: meta.time,
      ce_subject: meta.subject,
      ce_correlationid: 'corr-1',
      ce_causationid: 'cause-1',
      ce_traceparent: meta.traceparent,
      'content-type': 'application/json',
    });
  });

  it('should omit optional headers when causation and trace are absent', () => {
    const headers = toRecordHeaders({ ...meta, causationId: undefined, traceparent: undefined });
    expect(headers).not.toHaveProperty(CloudEventHeader.CausationId);
    expect(headers).not.toHaveProperty(CloudEventHeader.TraceParent);
  });
});

describe('fromRecordHeaders', () => {
  it('should read back exactly what toRecordHeaders wrote', () => {
    expect(fromRecordHeaders(toRecordHeaders(meta))).toEqual(meta);
  });

  it('should name every missing attribute at once when headers are incomplete', () => {
    expect(() => fromRecordHeaders({ ce_specversion: '1.0', ce_id: 'x' })).toThrow(
      new EnvelopeError(
        'missing header ce_type; missing header ce_source; missing header ce_time; missing header ce_subject',
      ),
    );
  });

  it('should reject a wrong spec version, a bad time and a non-JSON content type', () => {
    const headers = {
      ...toRecordHeaders(meta),
      ce_specversion: '0.3',
      ce_time: 'yesterday',
      'content-type': 'text/xml',
    };
    expect(() => fromRecordHeaders(headers)).toThrow(
      /ce_specversion must be 1.0.*ce_time is not an RFC 3339 time.*content-type/,
    );
  });

  it('should fall back to the event id as correlation id when none is given', () => {
    const headers = toRecordHeaders(meta);
    delete (headers as Record<string, string>)[CloudEventHeader.CorrelationId];
    expect(fromRecordHeaders(headers).correlationId).toBe(meta.id);
  });
});
