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
