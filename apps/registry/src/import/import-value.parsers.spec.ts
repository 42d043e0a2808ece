import {
  isMissing,
  parseCount,
  parseDecimal,
  parseOptionalDecimal,
  parseOptionalFlag,
  parseText,
} from './import-value.parsers';

describe(isMissing.name, () => {
  it('should treat empty, NA and null markers as missing and real values as present', () => {
    expect([undefined, '', ' NA ', 'n/a', 'NULL'].map(isMissing)).toEqual([true, true, true, true, true]);
    expect(isMissing('0')).toBe(false);
  });
});

describe(parseDecimal.name, () => {
  it('should parse plain and exponent notation when within range', () => {
    expect(parseDecimal('x', ' 49.19 ', -90, 90)).toEqual({ ok: true, value: 49.19 });
    expect(parseDecimal('x', '2.5e+3', 0, 1e4)).toEqual({ ok: true, value: 2500 });
  });

  it('should fail with a reason when the cell is not a number, out of range or missing', () => {
    expect(parseDecimal('lat', '49,19', -90, 90)).toEqual({
      ok: false,
      reason: "lat '49,19' is not a number",
    });
    expect(parseDecimal('lat', '91', -90, 90)).toEqual({ ok: false, reason: 'lat 91 is outside [-90, 90]' });
    expect(parseDecimal('lat', 'NA', -90, 90)).toEqual({ ok: false, reason: 'lat is missing' });
    expect(parseDecimal('lat', 'Infinity', -90, 90).ok).toBe(false);
  });
});

describe(parseOptionalDecimal.name, () => {
  it('should give undefined when missing and validate when present', () => {
    expect(parseOptionalDecimal('area', 'NA', 0, 10)).toEqual({ ok: true, value: undefined });
    expect(parseOptionalDecimal('area', '11', 0, 10).ok).toBe(false);
  });
});

describe(parseCount.name, () => {
  it('should accept whole non-negative numbers only', () => {
    expect(parseCount('population', '9361')).toEqual({ ok: true, value: 9361 });
    expect(parseCount('population', '-1').ok).toBe(false);
    expect(parseCount('population', '12.5').ok).toBe(false);
    expect(parseCount('population', '99999999999999999999')).toEqual({
      ok: false,
      reason: 'population 99999999999999999999 is too large',
    });
  });
});

describe(parseOptionalFlag.name, () => {
  it('should read 0/1 and true/false and reject other values', () => {
    expect(parseOptionalFlag('f', '1')).toEqual({ ok: true, value: true });
    expect(parseOptionalFlag('f', 'FALSE')).toEqual({ ok: true, value: false });
    expect(parseOptionalFlag('f', 'NA')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalFlag('f', 'yes')).toEqual({ ok: false, reason: "f 'yes' is not 0 or 1" });
  });
});

describe(parseText.name, () => {
  it('should trim text and fail when empty', () => {
    expect(parseText('name', '  Ніжин ')).toEqual({ ok: true, value: 'Ніжин' });
    expect(parseText('name', '   ')).toEqual({ ok: false, reason: 'name is missing' });
  });
});
