import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { NotBelow } from './not-below.decorator';

class Range {
  @IsOptional() min?: number;
  @IsOptional() @NotBelow('min') max?: number;
}

const problems = (plain: object) =>
  validateSync(plainToInstance(Range, plain)).map((e) => ({ field: e.property, ...e.constraints }));

describe(NotBelow.name, () => {
  it('should refuse an upper end below the lower end, naming the upper end', () => {
    expect(problems({ min: 10_000, max: 1_000 })).toEqual([
      { field: 'max', notBelow: 'must not be less than min' },
    ]);
  });

  it('should accept equal ends, an upper end above, and a range open at either end', () => {
    expect(problems({ min: 5, max: 5 })).toEqual([]);
    expect(problems({ min: 5, max: 6 })).toEqual([]);
    expect(problems({ max: 6 })).toEqual([]);
    expect(problems({ min: 5 })).toEqual([]);
  });
});
