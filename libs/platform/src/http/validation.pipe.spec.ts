import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { createValidationPipe, flattenValidationErrors } from './validation.pipe';

class AddressDto {
  @IsString() city: string;
}

class ContactDto {
  @IsEmail() email: string;
  @ValidateNested() @Type(() => AddressDto) address: AddressDto;
}

class ProfileDto {
  @IsInt() @Min(1) population: number;
  @ValidateNested({ each: true }) @Type(() => ContactDto) contacts: ContactDto[];
}

async function rejectionOf(value: unknown): Promise<Record<string, unknown>> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: ProfileDto });
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse() as Record<string, unknown>;
    throw error;
  }
  throw new Error('expected a BadRequestException');
}

describe(createValidationPipe.name, () => {
  it('should return an instance of the DTO when the payload is valid', async () => {
    const result: unknown = await createValidationPipe().transform(
      { population: 12000, contacts: [{ email: 'a@b.org', address: { city: 'Irpin' } }] },
      { type: 'body', metatype: ProfileDto },
    );

    expect(result).toBeInstanceOf(ProfileDto);
  });

  it('should answer with the field-level body when a value is invalid', async () => {
    expect(await rejectionOf({ population: 0, contacts: [] })).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [{ field: 'population', messages: ['must not be less than 1'] }],
    });
  });

  it('should name the full path when a field two levels down is invalid', async () => {
    const body = await rejectionOf({ population: 5, contacts: [{ email: 'a@b.org', address: { city: 7 } }] });

    expect(body.errors).toEqual([{ field: 'contacts[0].address.city', messages: ['must be a string'] }]);
  });

  it('should reject an unknown nested field when it is not declared', async () => {
    const body = await rejectionOf({
      population: 5,
      contacts: [{ email: 'a@b.org', address: { city: 'Irpin', street: 'x' } }],
    });

    expect(body.errors).toEqual([
      { field: 'contacts[0].address.street', messages: ['is not an accepted field'] },
    ]);
  });
});

describe('createValidationPipe (unsafe input, whatever the DTO)', () => {
  const valid = () => ({ population: 5, contacts: [{ email: 'a@b.org', address: { city: 'Irpin' } }] });

  it('should answer 400 naming the field when a nested string holds a NUL character', async () => {
    const body = valid();
    body.contacts[0].address.city = 'Ir\u0000pin';

    expect((await rejectionOf(body)).errors).toEqual([
      { field: 'contacts[0].address.city', messages: ['must not contain NUL characters'] },
    ]);
  });

  it('should answer 400 naming the field when a string holds a lone surrogate', async () => {
    const body = valid();
    body.contacts[0].address.city = 'Irpin\uD83D';

    expect((await rejectionOf(body)).errors).toEqual([
      { field: 'contacts[0].address.city', messages: ['must be valid Unicode (no lone surrogates)'] },
    ]);
  });

  it('should accept a well-formed surrogate pair when the text has an emoji', async () => {
    const body = valid();
    body.contacts[0].address.city = 'Irpin \uD83C\uDDFA\uD83C\uDDE6';

    await expect(
      createValidationPipe().transform(body, { type: 'body', metatype: ProfileDto }),
    ).resolves.toBeInstanceOf(ProfileDto);
  });

  it('should answer 400 instead of overflowing the stack when the body is nested 5,000 levels deep', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { city: deep };

    const body = await rejectionOf({ ...valid(), contacts: [{ email: 'a@b.org', address: deep }] });

    expect(body.errors).toEqual([
      {
        field: expect.stringMatching(/^contacts\[0\]\.address(\.city)+$/),
        messages: ['is nested more than 32 levels deep'],
      },
    ]);
  });

  it('should answer 400 when a query parameter holds a NUL character, even without a DTO', async () => {
    await expect(
      createValidationPipe().transform('a\u0000b', { type: 'query', data: 'q', metatype: String }),
    ).rejects.toMatchObject({
      response: { errors: [{ field: 'q', messages: ['must not contain NUL characters'] }] },
    });
  });
});

describe(flattenValidationErrors.name, () => {
  it('should return nothing when there are no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});
