import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS } from '../topics';
import { EVENT_CATALOG } from '../events/event-catalog';
import { GENERATED_DIR, renderGeneratedArtifacts } from './generated-artifacts';

describe('generated contract artifacts', () => {
  const expected = renderGeneratedArtifacts();

  it('should match the committed files when the contract classes have not drifted (run npm run contracts:generate)', () => {
    const committed = new Map<string, string>();
    const schemaDir = join(GENERATED_DIR, 'schemas');
    for (const file of existsSync(schemaDir) ? readdirSync(schemaDir) : []) {
      committed.set(join('schemas', file), readFileSync(join(schemaDir, file), 'utf8'));
    }
    const asyncApiPath = join(GENERATED_DIR, 'asyncapi.json');
    if (existsSync(asyncApiPath)) committed.set('asyncapi.json', readFileSync(asyncApiPath, 'utf8'));

    expect([...committed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected)
      expect({ name, content: committed.get(name) }).toEqual({ name, content });
  });

  it('should produce an AsyncAPI 3 document the official parser accepts without errors', async () => {
    const parser = new Parser();
    const { document, diagnostics } = await parser.parse(expected.get('asyncapi.json')!);
    // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
    const errors = diagnostics.filter((d) => Number(d.severity) === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    const addresses = document!
      .channels()
      .all()
      .map((c) => c.address());
    for (const topic of ALL_TOPICS) {
      expect(addresses).toContain(topic.name);
      expect(addresses).toContain(`${topic.name}.dlq`);
    }
  });

  it('should give every event of the catalog a payload schema that rejects an empty object', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const event of EVENT_CATALOG) {
      const schema = JSON.parse(expected.get(join('schemas', `${event.payload.name}.schema.json`))!);
      expect(ajv.validate(schema, {})).toBe(false);
    }
  });

  it('should accept a valid payload and reject a wrong type when validating with the generated schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(expected.get(join('schemas', 'PartnershipEstablishedV1.schema.json'))!);
    const valid = {
      partnershipId: '6f1c1a52-57c8-4c0e-9d3c-1f7f1d1f4b11',
      proposalId: '0e0b8b77-2c4e-4d6e-8d0d-7b4c6d1a2e33',
      campaignId: '2f9a7c1e-5b4d-4e3f-9a8b-1c2d3e4f5a66',
      hromadaId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      euMunicipalityId: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5e',
      track: 'formal',
      establishedAt: '2026-11-28T12:00:00.000Z',
    };
    expect(ajv.validate(schema, valid)).toBe(true);
    expect(ajv.validate(schema, { ...valid, track: 'secret' })).toBe(false);
  });
});
