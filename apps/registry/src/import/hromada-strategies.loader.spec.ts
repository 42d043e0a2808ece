import { join } from 'node:path';
import { coverageOf, loadHromadaStrategies } from './hromada-strategies.loader';

/** Real-data tests read megabytes; allow for a busy machine. */
const REAL_DATA_TIMEOUT_MS = 60_000;

const FIXTURE_DIR = join(__dirname, '__fixtures__', 'strategies');

describe(loadHromadaStrategies.name, () => {
  it('should map goals onto sectors and keep unmapped goals as free-text priorities', async () => {
    const { strategies } = await loadHromadaStrategies(FIXTURE_DIR);

    const nizhyn = strategies.find((strategy) => strategy.katottg === 'UA74040250000063494');
    expect(nizhyn?.sectors).toEqual(['culture', 'tourism', 'local-economy']);
    expect(nizhyn?.unmappedPriorities).toEqual([
      'Стратегічна ціль 3. Розвиток соціального капіталу громади',
      '1.2. Модернізація вуличного освітлення',
    ]);
    expect(nizhyn?.priorities[0]).toEqual({
      level: 'strategic',
      text: 'Стратегічна ціль 1. Створення сприятливих умов для розвитку бізнесу та залучення інвестицій',
      sectors: [{ sector: 'local-economy', pattern: 'бізнес', matched: 'бізнес' }],
    });
    expect(nizhyn?.priorities[3].level).toBe('operational');
  });

  it('should join strategy details, strengths and challenges by KATOTTG when hromadas.json has them', async () => {
    const { strategies } = await loadHromadaStrategies(FIXTURE_DIR);

    expect(strategies[0]).toMatchObject({
      name: 'Ніжинська міська територіальна громада',
      strategyUrl: 'https://data.gov.ua/dataset/0e6dcf9a',
      strategyYear: 2019,
      strategyPeriod: 'до 2027',
      strengths: ['Вигідне транспортно-логістичне розташування', 'Університетське місто'],
      challenges: ['Близькість до країни-агресора'],
      donorPrograms: ['DOBRE', 'GIZ'],
    });
    expect(strategies[1]).toMatchObject({
      katottg: 'UA05020010000053508',
      strengths: [],
      strategyYear: undefined,
    });
  });

  it('should confirm an international partner only when it comes from the registry', async () => {
    const { partners } = await loadHromadaStrategies(FIXTURE_DIR);

    expect(partners).toEqual([
      {
        katottg: 'UA74040250000063494',
        hasConfirmedInternationalPartner: true,
        partners: [
          {
            name: 'Filderstadt',
            country: 'DE',
            region: 'Baden-Württemberg',
            type: 'Kommunalpartnerschaft',
            since: '1988',
            source: 'skew',
            confidence: 'registry',
            sourceUrl: 'https://skew.example/80',
          },
        ],
      },
      {
        katottg: 'UA05020010000053508',
        hasConfirmedInternationalPartner: false,
        partners: [
          {
            name: 'Kalmar',
            country: undefined,
            region: undefined,
            type: 'Cities4Cities partnership',
            since: '2025',
            source: 'cities4cities',
            confidence: 'news_mention',
            sourceUrl: 'https://c4c.example/kalmar',
          },
        ],
      },
    ]);
  });

  it('should list unusable entries with file, index and reason instead of throwing', async () => {
    const { rejected, strategies } = await loadHromadaStrategies(FIXTURE_DIR);

    expect(strategies).toHaveLength(2);
    expect(rejected).toEqual([
      {
        file: 'hromadas.json',
        index: 1,
        reason: "missing or invalid Katottg for 'Шептицька міська територіальна громада'",
      },
      {
        file: 'goals-hierarchy.json',
        index: 1,
        reason: "duplicate katottg UA74040250000063494 for 'Друга громада'",
      },
      { file: 'goals-hierarchy.json', index: 2, reason: "missing or invalid katottg for 'Без коду'" },
      {
        file: 'twinning-partners.json',
        index: 2,
        reason: "missing or invalid katottg or partners for 'Звягельська'",
      },
    ]);
  });

  it('should throw when the folder lacks the goals file', async () => {
    await expect(loadHromadaStrategies(join(FIXTURE_DIR, 'missing'))).rejects.toThrow(/ENOENT/);
  });

  it(
    'should map most goals of the bundled W3I release when loading the default folder',
    async () => {
      const { strategies, coverage } = await loadHromadaStrategies();

      expect(strategies.length).toBeGreaterThanOrEqual(290);
      expect(coverage.goalsMappedShare).toBeGreaterThan(0.7);
      expect(coverage.hromadasWithAnySector).toBeGreaterThan(280);
    },
    REAL_DATA_TIMEOUT_MS,
  );
});

describe(coverageOf.name, () => {
  it('should count goals, mapped goals and goals per sector when given strategies', async () => {
    const { strategies } = await loadHromadaStrategies(FIXTURE_DIR);

    const coverage = coverageOf(strategies);

    expect(coverage).toMatchObject({
      hromadasWithGoals: 2,
      hromadasWithAnySector: 1,
      goals: 5,
      goalsMapped: 2,
    });
    expect(coverage.goalsMappedShare).toBeCloseTo(0.4);
    expect(coverage.goalsBySector.tourism).toBe(1);
    expect(coverage.goalsBySector['water-supply']).toBe(0);
  });

  it('should report a zero share when there are no goals', () => {
    expect(coverageOf([]).goalsMappedShare).toBe(0);
  });
});
