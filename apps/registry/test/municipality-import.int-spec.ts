import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxMessageEntity } from '@bridges/messaging';
import { waitUntil } from '@bridges/testing';
import {
  defaultHromadaCsvPath,
  defaultLauCsvPath,
  defaultLauDir,
  defaultStrategiesDir,
  findProjectDataDir,
} from '../src/import/import-paths.constants';
import { parseLauCsv } from '../src/import/lau-csv.parser';
import { MunicipalityImportService } from '../src/import/municipality-import.service';
import type { ParsedRow } from '../src/import/municipality-import.types';
import { RegistryImportRunner } from '../src/import/registry-import.runner';
import { MunicipalityEntity } from '../src/municipalities/municipality.entity';
import { contractViolations } from './support/contract-check';
import { outboxInsertCounter, versionSum } from './support/database-state';
import { startRegistryTestApp, type RegistryTestApp } from './support/registry-test-app';

const DEMO_COUNTS = { UA: 1469, EE: 79, LT: 60, LV: 119, PL: 2477, SK: 2927 };
const DEMO_TOTAL = Object.values(DEMO_COUNTS).reduce((a, b) => a + b, 0);

describe('registry import of the real data sets (PostgreSQL + Kafka)', () => {
  let t: RegistryTestApp;
  let runner: RegistryImportRunner;
  let workDir: string;

  const countByCountry = async () => {
    const rows: { country: string; n: string }[] = await t.dataSource.query(
      'SELECT country, count(*) AS n FROM municipality GROUP BY country',
    );
    return Object.fromEntries(rows.map((r) => [r.country, Number(r.n)]));
  };
  const registryRecords = () => t.probe.all().filter((r) => r.topic === t.topics.municipality);
  /**
   * Distinct records on the topic: the probe's consumer may be handed a partition again after a rebalance
   * (slow heartbeats under load) and see the same records twice; a record is its partition and offset.
   */
  const distinctRegistryRecords = () =>
    new Set(registryRecords().map((r) => `${r.partition}@${r.offset}`)).size;
  const outboxDrained = async () => (await t.dataSource.getRepository(OutboxMessageEntity).count()) === 0;

  beforeAll(async () => {
    t = await startRegistryTestApp({ IMPORT_BATCH_SIZE: '1000' });
    runner = t.app.get(RegistryImportRunner);
    workDir = await mkdtemp(join(tmpdir(), 'registry-import-'));
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('RegistryImportRunner.run', () => {
    it('should import all 1,469 hromadas and every EE, LT, LV, PL, SK municipality and publish one registered event each', async () => {
      const summary = await runner.run({
        hromadas: defaultHromadaCsvPath(),
        lau: defaultLauDir(),
        countries: ['EE', 'LT', 'LV', 'PL', 'SK'],
        strategies: defaultStrategiesDir(),
        indicators: findProjectDataDir(),
        reportPath: join(workDir, 'rejected.csv'),
      });

      expect(summary).toMatchObject({
        created: DEMO_TOTAL,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        withIndicators: DEMO_TOTAL,
      });
      expect(await countByCountry()).toEqual(DEMO_COUNTS);
      await waitUntil(outboxDrained, 120_000, 'outbox drained');
      const registered = await t.probe.waitForCount(
        (r) => r.headers.ce_type === 'registry.municipality.registered.v1',
        DEMO_TOTAL,
        60_000,
      );
      expect(new Set(registered.map((r) => r.key)).size).toBe(DEMO_TOTAL);
      // Every event passes the validation consumers apply, so none would be dead-lettered downstream.
      const violations = (await Promise.all(registered.map(contractViolations))).flat();
      expect(violations).toEqual([]);
      // Nothing rejected: no report written (an empty one read like a problem).
      expect(existsSync(join(workDir, 'rejected.csv'))).toBe(false);
      // Strategy goals reached the profiles: some hromadas carry sectors from their strategy.
      const withSectors: { n: string }[] = await t.dataSource.query(
        `SELECT count(*) AS n FROM municipality WHERE country = 'UA' AND cardinality(sectors) > 0`,
      );
      expect(Number(withSectors[0].n)).toBeGreaterThan(200);
      // The official indicators reached every profile and its event, both sides, computed per country.
      const withoutIndicators: { n: string }[] = await t.dataSource.query(
        `SELECT count(*) AS n FROM municipality WHERE indicators IS NULL`,
      );
      expect(Number(withoutIndicators[0].n)).toBe(0);
      const profileOf = async (country: string, officialCode: string) => {
        const { id } = await t.dataSource
          .getRepository(MunicipalityEntity)
          .findOneByOrFail({ country, officialCode });
        return registered.find((r) => r.key === id)!.value as { profile: { indicators?: unknown } };
      };
      expect((await profileOf('EE', 'EE_0784')).profile.indicators).toMatchObject({
        urbanisation: 'city',
        coastal: true,
        functionalUrbanAreaId: 'EE001L1',
        functionalUrbanAreaPopulation: 437_619,
      });
      // Regions are named, not coded: NUTS names from data/ for the EU, the oblast for hromadas.
      const coded: { n: string }[] = await t.dataSource.query(
        `SELECT count(*) AS n FROM municipality WHERE region_name = region_code OR region_name ~ '^[A-Z]{2}[0-9A-Z]{1,3}$'`,
      );
      expect(Number(coded[0].n)).toBe(0);
      const regionOf = async (country: string, officialCode: string) =>
        ((await profileOf(country, officialCode)).profile as unknown as { region: unknown }).region;
      expect(await regionOf('PL', 'PL_1006061100201')).toEqual({ code: 'PL812', name: 'Chełmsko-zamojski' });
      expect(await regionOf('UA', 'UA05020030000031457')).toEqual({
        code: 'UA05000000000010236',
        name: 'Вінницька область',
      });
      const vinnytsia = (await profileOf('UA', 'UA05020030000031457')).profile.indicators;
      expect(vinnytsia).toMatchObject({ urbanisation: 'city', coastal: false, mountain: false });
      expect(vinnytsia).toHaveProperty('prosperityPercentile', expect.any(Number));
    }, 240_000);

    it('should change nothing and publish nothing when the same files are imported again', async () => {
      const before = distinctRegistryRecords();
      const versionsBefore = await versionSum(t.dataSource);
      const outboxBefore = await outboxInsertCounter(t.dataSource);
      const summary = await runner.run({
        hromadas: defaultHromadaCsvPath(),
        lau: defaultLauDir(),
        countries: ['EE', 'LT', 'LV', 'PL', 'SK'],
        strategies: defaultStrategiesDir(),
        indicators: findProjectDataDir(),
      });

      expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: DEMO_TOTAL });
      // No profile written and no outbox row ever inserted (not even one already relayed), so
      // nothing can reach the topic later: no need to wait and see.
      expect(await versionSum(t.dataSource)).toBe(versionsBefore);
      expect(await outboxInsertCounter(t.dataSource)).toBe(outboxBefore);
      expect(distinctRegistryRecords()).toBe(before);
    }, 120_000);

    it('should update only the changed row and publish profile-updated naming population when one value changed in the file', async () => {
      const original = await readFile(defaultLauCsvPath('EE'), 'utf8');
      const changed = original.replace(',Alutaguse vald,4680,', ',Alutaguse vald,4700,');
      expect(changed).not.toBe(original);
      const file = join(workDir, 'EE.csv');
      await writeFile(file, changed);

      const summary = await runner.run({ lau: file, reportPath: join(workDir, 'rejected-ee.csv') });

      expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: DEMO_COUNTS.EE - 1 });
      const stored = await t.dataSource
        .getRepository(MunicipalityEntity)
        .findOneByOrFail({ country: 'EE', officialCode: 'EE_0130' });
      expect(stored).toMatchObject({ population: 4700, version: 2 });
      const updated = await t.probe.waitFor(
        (r) => r.key === stored.id && r.headers.ce_type === 'registry.municipality.profile-updated.v1',
      );
      expect(updated.value).toMatchObject({
        changedFields: ['population'],
        profile: { version: 2, population: 4700 },
      });
    }, 60_000);

    it('should replace a region name stored as its NUTS code by the NUTS name and publish profile-updated naming region', async () => {
      // Imports before the NUTS names shipped stored the code as the name ("PL812"); a re-import fixes them.
      const row = await t.dataSource
        .getRepository(MunicipalityEntity)
        .findOneByOrFail({ country: 'EE', officialCode: 'EE_0296' });
      await t.dataSource.query(`UPDATE municipality SET region_name = region_code WHERE id = $1`, [row.id]);

      const summary = await runner.run({ lau: join(workDir, 'EE.csv') });

      expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: DEMO_COUNTS.EE - 1 });
      const stored = await t.dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id: row.id });
      expect(stored.regionName).not.toBe(stored.regionCode);
      const updated = await t.probe.waitFor(
        (r) => r.key === row.id && r.headers.ce_type === 'registry.municipality.profile-updated.v1',
      );
      expect(updated.value).toMatchObject({
        changedFields: ['region'],
        profile: { version: row.version + 1, region: { code: row.regionCode, name: stored.regionName } },
      });
    }, 60_000);

    it('should write no rejected-rows report when no row is rejected', async () => {
      const reportPath = join(workDir, 'rejected-lv.csv');

      const summary = await runner.run({ lau: defaultLauCsvPath('LV'), reportPath });

      expect(summary).toMatchObject({ rejected: 0, reportPath: undefined });
      expect(existsSync(reportPath)).toBe(false);
    }, 60_000);

    it('should report a bad row with its file, row number and reason and import the rest', async () => {
      const original = await readFile(defaultLauCsvPath('LT'), 'utf8');
      const lines = original.split('\n');
      lines[2] = lines[2].replace(/,LT,/, ',PL,');
      const file = join(workDir, 'LT.csv');
      await writeFile(file, lines.join('\n'));

      const summary = await runner.run({ lau: file, reportPath: join(workDir, 'rejected-lt.csv') });

      expect(summary).toMatchObject({ rejected: 1, reportPath: join(workDir, 'rejected-lt.csv') });
      const report = (await readFile(join(workDir, 'rejected-lt.csv'), 'utf8')).trim().split('\n');
      expect(report).toHaveLength(2);
      expect(report[1]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},3,`));
    }, 60_000);
  });

  describe('MunicipalityImportService.importFile', () => {
    it('should roll the whole file back, rows and events, when the import fails part-way', async () => {
      const populations = async () =>
        (
          await t.dataSource
            .getRepository(MunicipalityEntity)
            .find({ where: { country: 'LV' }, order: { officialCode: 'ASC' } })
        ).map((m) => m.population);
      const before = await populations();
      async function* failingHalfway(): AsyncGenerator<ParsedRow> {
        let n = 0;
        for await (const row of parseLauCsv('LV', defaultLauCsvPath('LV'))) {
          if (row.kind === 'accepted')
            yield { kind: 'accepted', record: { ...row.record, population: row.record.population + 1 } };
          if (++n === 80) throw new Error('disk unplugged (scripted)');
        }
      }
      const recordsBefore = registryRecords().length;
      const versionsBefore = await versionSum(t.dataSource);

      await expect(
        t.app.get(MunicipalityImportService).importFile('LV.csv', failingHalfway()),
      ).rejects.toThrow('disk unplugged');

      // Rows and outbox rows commit together; the relay only sees committed rows. With every
      // profile at its old version and an empty outbox, no event of this import was ever
      // committed, so none can reach the topic later.
      expect(await populations()).toEqual(before);
      expect(await versionSum(t.dataSource)).toBe(versionsBefore);
      expect(await t.dataSource.getRepository(OutboxMessageEntity).count()).toBe(0);
      expect(registryRecords()).toHaveLength(recordsBefore);
    }, 60_000);
  });
});
