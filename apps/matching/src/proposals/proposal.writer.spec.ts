import type { EntityManager } from 'typeorm';
import { MatchProposedV1Event, ProposalWithdrawnV1Event } from '@bridges/contracts';
import type { ProposalDraft } from './proposal.writer';
import { ProposalWriter } from './proposal.writer';

const factors = [
  {
    factor: 'sectorFit' as const,
    value: 1,
    weight: 3,
    contribution: 0.5,
    reason: 'offers 2 of 2 needed sectors',
  },
];
const draft = (eu: string, rank = 1): ProposalDraft => ({
  campaignId: 'c-1',
  hromadaId: 'h-1',
  euMunicipalityId: eu,
  candidate: { rank, score: 1.0000000001, factors },
  mode: 'incremental',
});

/** Ids a multi-row INSERT … RETURNING id would return: every row (10 parameters) but those for `skipEu`. */
function insertedIds(params: unknown[], skipEu?: string): { id: unknown }[] {
  const rows: { id: unknown }[] = [];
  for (let at = 0; at < params.length; at += 10) if (params[at + 3] !== skipEu) rows.push({ id: params[at] });
  return rows;
}

describe(ProposalWriter.name, () => {
  const writer = new ProposalWriter();

  describe('propose', () => {
    it('should store and publish each draft when its pair has no open proposal', async () => {
      const query = jest.fn((_sql: string, params: unknown[]) => Promise.resolve(insertedIds(params)));
      const publish = jest.fn(() => Promise.resolve(undefined));

      const created = await writer.propose({ query } as unknown as EntityManager, publish, [
        draft('e-1'),
        draft('e-2', 2),
      ]);

      expect(created.map((p) => p.euMunicipalityId)).toEqual(['e-1', 'e-2']);
      expect(publish).toHaveBeenCalledTimes(2);
      expect(publish).toHaveBeenCalledWith(
        MatchProposedV1Event,
        expect.objectContaining({
          proposalId: created[0].id,
          euMunicipalityId: 'e-1',
          rank: 1,
          score: 1,
          factors: [expect.objectContaining({ factor: 'sector-fit', score: 1 })],
        }),
      );
    });

    it('should publish nothing for a pair whose open proposal exists already (the insert was skipped)', async () => {
      // The database skips the row whose pair already has an open proposal.
      const query = jest.fn((_sql: string, params: unknown[]) =>
        Promise.resolve(insertedIds(params, 'e-dup')),
      );
      const publish = jest.fn(() => Promise.resolve(undefined));

      const created = await writer.propose({ query } as unknown as EntityManager, publish, [
        draft('e-dup'),
        draft('e-new', 2),
      ]);

      expect(created.map((p) => p.euMunicipalityId)).toEqual(['e-new']);
      expect(publish).toHaveBeenCalledTimes(1);
      expect(query).toHaveBeenCalledTimes(1);
      expect(query.mock.calls[0][0]).toMatch(/ON CONFLICT DO NOTHING/);
    });
  });

  describe('withdraw', () => {
    it('should publish one withdrawal with the reason per proposal it closed', async () => {
      const query = jest.fn(() => Promise.resolve([[{ id: 'p-2' }, { id: 'p-1' }], 2]));
      const publish = jest.fn(() => Promise.resolve(undefined));

      const ids = await writer.withdraw(
        { query } as unknown as EntityManager,
        publish,
        { hromadaId: 'h-1', keepAccepted: true },
        'deactivated',
      );

      expect(ids).toEqual(['p-1', 'p-2']);
      expect(publish.mock.calls).toEqual([
        [ProposalWithdrawnV1Event, { proposalId: 'p-1', reason: 'deactivated' }],
        [ProposalWithdrawnV1Event, { proposalId: 'p-2', reason: 'deactivated' }],
      ]);
      expect(query.mock.calls[1]).toEqual([
        expect.stringMatching(
          /status = 'open' AND hromada_id = \$2 AND hromada_decision IS DISTINCT FROM 'accepted'/,
        ),
        ['deactivated', 'h-1'],
      ]);
    });

    it('should lock every proposal of every scope in one statement, in id order, before withdrawing any', async () => {
      const query = jest.fn(() => Promise.resolve([[], 0]));
      await writer.withdrawEach({ query } as unknown as EntityManager, jest.fn(), [
        { scope: { hromadaId: 'h-1', euIn: ['e-1'] }, reason: 'partners already' },
        { scope: { euMunicipalityId: 'e-1' }, reason: 'no capacity left' },
      ]);
      expect(query.mock.calls[0]).toEqual([
        "SELECT id FROM proposal WHERE status = 'open' AND ((hromada_id = $1 AND eu_municipality_id = ANY($2::uuid[])) OR (eu_municipality_id = $3)) ORDER BY id FOR UPDATE",
        ['h-1', ['e-1'], 'e-1'],
      ]);
      expect(query.mock.calls.slice(1).map((c) => (c as unknown[])[1])).toEqual([
        ['partners already', 'h-1', ['e-1']],
        ['no capacity left', 'e-1'],
      ]);
    });

    it('should publish nothing when no open proposal matched', async () => {
      const publish = jest.fn(() => Promise.resolve(undefined));
      const query = jest.fn(() => Promise.resolve([[], 0]));
      expect(
        await writer.withdraw(
          { query } as unknown as EntityManager,
          publish,
          { euMunicipalityId: 'e-1' },
          'gone',
        ),
      ).toEqual([]);
      expect(publish).not.toHaveBeenCalled();
    });
  });
});
