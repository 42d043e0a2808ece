import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsString, validateSync } from 'class-validator';
import { NormalizedText } from './normalized-text.decorator';

class NamedDto {
  @NormalizedText() @IsString() @IsNotEmpty() name: string;
  @NormalizedText() @IsString({ each: true }) @IsNotEmpty({ each: true }) tags: string[];
}

const named = (plain: object) => plainToInstance(NamedDto, plain);

describe(NormalizedText.name, () => {
  it('should compose decomposed characters to NFC and trim when the text comes in NFD with spaces', () => {
    const dto = named({ name: '  Бі\u0301ла Церква\t', tags: [' Ї\u0308 '] });

    expect(dto.name).toBe('Бі́ла Церква'.normalize('NFC'));
    expect(dto.name).toBe(dto.name.normalize('NFC'));
    expect(dto.tags).toEqual(['Ї\u0308'.normalize('NFC')]);
  });

  it('should make a whitespace-only value fail @IsNotEmpty when it is sent', () => {
    const errors = validateSync(named({ name: ' \u00a0\n ', tags: ['ok', '   '] }));

    expect(errors.map((e) => e.property)).toEqual(['name', 'tags']);
  });

  it('should leave non-strings for validation to reject when the type is wrong', () => {
    const dto = named({ name: 42, tags: 7 });

    expect(dto.name).toBe(42);
    expect(validateSync(dto).map((e) => e.property)).toEqual(['name', 'tags']);
  });
});
