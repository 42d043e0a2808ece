import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { signIngestBody } from '../../src/associations/api-key.crypto';

/** An association's key as issued by `POST /associations/:id/keys`. */
export interface TestKey {
  keyId: string;
  secret: string;
  associationId: string;
}

/** Registers an association (name made unique) and issues it a key, as a coordinator does over HTTP. */
export async function associationWithKey(
  http: App,
  coordinator: string,
  name: string,
  keyLabel: string,
): Promise<{ association: { id: string; name: string }; key: TestKey }> {
  const association = (
    await request(http)
      .post('/associations')
      .set('Authorization', coordinator)
      .send({ name: `${name} ${randomUUID()}`, country: 'PL' })
      .expect(201)
  ).body as { id: string; name: string };
  const key = (
    await request(http)
      .post(`/associations/${association.id}/keys`)
      .set('Authorization', coordinator)
      .send({ label: keyLabel })
      .expect(201)
  ).body as TestKey;
  return { association, key };
}

/** A structured CloudEvent for `POST /ingest`. */
export function cloudEvent(type: string, data: Record<string, unknown>, id: string = randomUUID()) {
  return {
    specversion: '1.0',
    id,
    type,
    source: '/associations/test',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}

/** Sends `body` (object or exact text) signed as an association system would. */
export function signedIngest(
  http: App,
  key: Pick<TestKey, 'keyId' | 'secret'>,
  body: unknown,
  options: { timestamp?: number; signature?: string; contentType?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  return request(http)
    .post('/ingest')
    .set('Content-Type', options.contentType ?? 'application/cloudevents+json')
    .set('Bridges-Key-Id', key.keyId)
    .set('Bridges-Timestamp', timestamp)
    .set('Bridges-Signature', options.signature ?? signIngestBody(key.secret, timestamp, raw))
    .send(raw);
}
