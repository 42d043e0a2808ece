import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { composeProblems } from './check-manifests';
import { deploymentOf, goodInstall } from './deploy-fixtures';
import { KAFKA_TOPICS_FILE } from './deploy-paths';
import { ManifestSchemas, type Manifest } from './manifest-schemas';

describe(ManifestSchemas.name, () => {
  const schemas = new ManifestSchemas();

  describe('validate', () => {
    it('should accept valid core and custom resources', () => {
      expect(goodInstall().flatMap((m) => schemas.validate(m))).toEqual([]);
    });

    it('should refuse a misplaced field and a wrong type the API server would refuse', () => {
      const install = goodInstall();
      const deployment = deploymentOf(install);
      (deployment.spec as Record<string, unknown>).replicas = 'two';
      deployment.spec.template.spec.containers[0].resource = { limits: { memory: '1Gi' } };

      expect(schemas.validate(deployment)).toEqual([
        'Deployment/matching: /spec/replicas must be integer',
        'Deployment/matching: /spec/template/spec/containers/0 must NOT have additional properties (resource)',
      ]);
    });

    it('should refuse a ScaledObject field KEDA does not know', () => {
      const scaledObject = goodInstall()[4];
      (scaledObject.spec as Record<string, unknown>).replicas = 2;

      expect(schemas.validate(scaledObject)).toEqual([
        'ScaledObject/matching: /spec must NOT have additional properties (replicas)',
      ]);
    });

    it('should refuse a KafkaTopic without partitions to create', () => {
      const [topic] = parseAllDocuments(readFileSync(KAFKA_TOPICS_FILE, 'utf8')).map(
        (d) => d.toJS() as Manifest,
      );
      (topic.spec as Record<string, unknown>).partitions = 0;

      expect(schemas.validate(topic)).toEqual([
        'KafkaTopic/registry.municipality.v1: /spec/partitions must be >= 1',
      ]);
    });

    it('should refuse a kind it has no schema for, rather than pass it unchecked', () => {
      expect(
        schemas.validate({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } }),
      ).toEqual(['Widget/w: no schema for example.org/v1 Widget (add it to tools/deploy/schema-sources.ts)']);
    });
  });
});

describe(composeProblems.name, () => {
  it('should accept the committed docker-compose.yml', () => {
    expect(composeProblems()).toEqual([]);
  });

  it('should refuse a compose file with a misspelt service key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'compose-')), 'docker-compose.yml');
    writeFileSync(file, 'services:\n  registry:\n    image: bridges:local\n    enviroment: { A: b }\n');

    const [problem, ...others] = composeProblems(file);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^docker-compose\.yml: \/services\/registry .*enviroment/);
  });

  it('should refuse a public URL on the container port when compose publishes another (links would not open)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'compose-')), 'docker-compose.yml');
    writeFileSync(
      file,
      "services:\n  notifications:\n    image: bridges:local\n    ports: ['127.0.0.1:3003:3000']\n" +
        '    environment: { HTTP_PORT: "3000", PUBLIC_BASE_URL: "http://127.0.0.1:3000/" }\n',
    );

    expect(composeProblems(file)).toEqual([
      'docker-compose.yml: notifications PUBLIC_BASE_URL http://127.0.0.1:3000/ must use the published port 3003',
    ]);
  });
});
