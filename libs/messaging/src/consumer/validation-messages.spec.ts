import { Type } from 'class-transformer';
import { IsEmail, IsInt, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { describeValidationErrors } from './validation-messages';

class Contact {
  @IsEmail() email: string;
}
class Profile {
  @IsInt() @Min(1) version: number;
  @ValidateNested({ each: true }) @Type(() => Contact) contacts: Contact[];
}

describe(describeValidationErrors.name, () => {
  it('should name the full path of a nested array element', () => {
    const profile = plainToInstance(Profile, {
      version: 0,
      contacts: [{ email: 'a@b.eu' }, { email: 'nope' }],
    });
    expect(describeValidationErrors(validateSync(profile))).toEqual([
      'version: version must not be less than 1',
      'contacts.1.email: email must be an email',
    ]);
  });

  it('should return nothing when there are no errors', () => {
    expect(describeValidationErrors([])).toEqual([]);
  });
});
