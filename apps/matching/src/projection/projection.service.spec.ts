import type { EntityManager } from 'typeorm';
import type { MunicipalityProfileV1 } from '@bridges/contracts';
import type { MunicipalityProjectionEntity } from './municipality-projection.entity';
import { ProjectionService } from './projection.service';

/** A manager that holds one projection row and records what would be written. */
function fakeManager(held: Partial<MunicipalityProjectionEntity> | null) {
  const writes: string[] = [];
  const chain = {
    insert: () => (writes.push('insert'), chain),
    update: () => (writes.push('update'), chain),
    into: () => chain,
    values: () => chain,
    set: () => chain,
    where: () => chain,
    orUpdate: () => chain,
    execute: () => Promise.resolve({}),
  };
  const manager = {
    findOne: jest.fn(() => Promise.resolve(held)),
    findOneByOrFail: jest.fn(() => Promise.resolve({ ...held, version: 99 })),
    createQueryBuilder: jest.fn(() => chain),
    connection: {
      getMetadata: () => ({ columns: [{ databaseName: 'municipality_id' }, { databaseName: 'version' }] }),
    },
  };
  return { manager: manager as unknown as EntityManager, writes, spies: manager };
}

const profile = (version: number) =>
  ({
    municipalityId: 'a1',
    version,
    kind: 'hromada',
    country: 'UA',
    officialCode: 'x',
    nameNative: 'n',
    nameLatin: 'n',
    region: { name: 'r' },
    settlementType: 'rural',
    sectors: [],
    needs: [],
    offers: [],
    priorities: [],
    workingLanguages: [],
    internationalPartners: [],
    seekingPartner: true,
    contacts: [],
  }) as MunicipalityProfileV1;

describe(ProjectionService.name, () => {
  const service = new ProjectionService();

  describe('applySnapshot', () => {
    it('should write the snapshot when it is newer than the one held', async () => {
      const { manager, writes } = fakeManager({ municipalityId: 'a1', version: 2, active: true });
      const change = await service.applySnapshot(manager, profile(3));
      expect(change.outcome).toBe('applied');
      expect(change.before?.version).toBe(2);
      expect(writes).toEqual(['insert']);
    });

    it('should write nothing and report stale when an older version arrives', async () => {
      const { manager, writes, spies } = fakeManager({ municipalityId: 'a1', version: 5, active: true });
      const change = await service.applySnapshot(manager, profile(4));
      expect(change.outcome).toBe('stale');
      expect(writes).toEqual([]);
      expect(spies.findOneByOrFail).not.toHaveBeenCalled();
    });

    it('should write nothing when the same version is delivered again', async () => {
      const { manager, writes } = fakeManager({ municipalityId: 'a1', version: 4, active: true });
      expect((await service.applySnapshot(manager, profile(4))).outcome).toBe('stale');
      expect(writes).toEqual([]);
    });

    it('should lock the row it compares with, so a concurrent writer cannot slip in between', async () => {
      const { manager, spies } = fakeManager(null);
      await service.applySnapshot(manager, profile(1));
      expect(spies.findOne).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ lock: { mode: 'pessimistic_write' } }),
      );
    });
  });

  describe('deactivate', () => {
    it('should take the profile out of the pool when the deactivation is newer', async () => {
      const { manager, writes } = fakeManager({ municipalityId: 'a1', version: 2, active: true });
      expect((await service.deactivate(manager, 'a1', 3)).outcome).toBe('applied');
      expect(writes).toEqual(['update']);
    });

    it('should ignore a deactivation older than the snapshot held', async () => {
      const { manager, writes } = fakeManager({ municipalityId: 'a1', version: 6, active: true });
      expect((await service.deactivate(manager, 'a1', 5)).outcome).toBe('stale');
      expect(writes).toEqual([]);
    });

    it('should report unknown and write nothing when the profile was never projected', async () => {
      const { manager, writes } = fakeManager(null);
      expect((await service.deactivate(manager, 'a1', 2)).outcome).toBe('unknown');
      expect(writes).toEqual([]);
    });
  });
});
