import type { MunicipalityImportRecord } from '../../apps/registry/src/import';
import { hromadaOfTown, sameTownName } from './calibration-pairs';

/** A hromada record with only what the join reads; `kmEast` km east of 50° N, 30° E. */
const hromada = (nameLatin: string, kmEast: number) =>
  ({
    officialCode: nameLatin,
    nameLatin,
    latitude: 50,
    longitude: 30 + kmEast / (111.32 * Math.cos((50 * Math.PI) / 180)),
  }) as unknown as MunicipalityImportRecord;

describe('sameTownName', () => {
  it('should match a town to its hromada across transliterations, and not to another place', () => {
    expect(sameTownName('Dubno', 'Dubenska miska hromada')).toBe(true);
    expect(sameTownName('Zaporizhzhia', 'Zaporizka miska hromada')).toBe(true);
    expect(sameTownName('Kyiv', 'Borshchahivska silska hromada')).toBe(false);
    expect(sameTownName('Ry', 'Rybnytska silska hromada')).toBe(false); // too short to tell
  });
});

describe('hromadaOfTown', () => {
  it('should take the hromada named like the town over a nearer neighbour', () => {
    const found = hromadaOfTown('Dubno', 50, 30, [
      hromada('Tarakanivska silska hromada', 2),
      hromada('Dubenska miska hromada', 6),
    ]);
    expect(found?.nameLatin).toBe('Dubenska miska hromada');
  });

  it('should take the city of a city district', () => {
    const found = hromadaOfTown('Industrialnyi (Kharkiv)', 50, 30, [
      hromada('Rohanska selyshchna hromada', 4),
      hromada('Kharkivska miska hromada', 9),
    ]);
    expect(found?.nameLatin).toBe('Kharkivska miska hromada');
  });

  it('should take the nearest centre within 10 km for a village, and nothing for a city that is no hromada', () => {
    const villages = [hromada('Bativska selyshchna hromada', 4), hromada('Berehivska miska hromada', 12)];
    expect(hromadaOfTown('Serne', 50, 30, villages)?.nameLatin).toBe('Bativska selyshchna hromada');
    // Kyiv is not in the hromada data: its nearest centre, 12.6 km away, is another place.
    expect(hromadaOfTown('Kyiv', 50, 30, [hromada('Borshchahivska silska hromada', 12.6)])).toBeUndefined();
  });
});
