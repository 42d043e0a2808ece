import { DEV_MATCHING_DATABASE_URL, fromDecisionsOptions } from './from-decisions';

describe('fromDecisionsOptions', () => {
  const saved = process.env.MATCHING_DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.MATCHING_DATABASE_URL;
    else process.env.MATCHING_DATABASE_URL = saved;
  });

  it('should read the database and campaign, falling back to MATCHING_DATABASE_URL, then npm start’s database', () => {
    delete process.env.MATCHING_DATABASE_URL;
    expect(fromDecisionsOptions(['--from-decisions'])).toEqual({
      databaseUrl: DEV_MATCHING_DATABASE_URL,
      campaignId: undefined,
    });
    process.env.MATCHING_DATABASE_URL = 'postgres://env/db';
    expect(fromDecisionsOptions(['--from-decisions']).databaseUrl).toBe('postgres://env/db');
    const id = '0b7e3f5c-3c1a-4b8e-9f0e-2a6b1c4d5e6f';
    expect(
      fromDecisionsOptions(['--from-decisions', '--database-url', 'postgres://arg/db', '--campaign', id]),
    ).toEqual({ databaseUrl: 'postgres://arg/db', campaignId: id });
  });

  it('should refuse a missing value or a campaign that is not an id, saying which option', () => {
    expect(() => fromDecisionsOptions(['--database-url'])).toThrow('--database-url needs a value');
    expect(() => fromDecisionsOptions(['--campaign', '--database-url', 'x'])).toThrow(
      '--campaign needs a value',
    );
    expect(() => fromDecisionsOptions(['--campaign', 'bridges-2021'])).toThrow(
      /--campaign must be a campaign id \(a UUID\), got bridges-2021/,
    );
  });
});
