import type { ParticipantDto } from './dto/participant.dto';
import { RegistrationType } from './registration.entity';
import { participantProblems } from './registrations.service';

const event = { startsAt: new Date('2027-07-06T07:00:00Z'), endsAt: new Date('2027-07-19T09:00:00Z') };
const person = (overrides: Partial<ParticipantDto> = {}): ParticipantDto => ({
  fullName: 'Софія Мельник',
  language: 'uk',
  ...overrides,
});

describe(participantProblems.name, () => {
  it('should find nothing wrong with a delegation whose nights fall from the day before to the last day', () => {
    expect(
      participantProblems(event, RegistrationType.Delegation, [
        person({ accommodationNights: ['2027-07-05', '2027-07-19'] }),
        person(),
      ]),
    ).toEqual([]);
  });

  it('should name participants when an individual registration has two people', () => {
    expect(participantProblems(event, RegistrationType.Individual, [person(), person()])).toEqual([
      { field: 'participants', messages: ['an individual registration has exactly one participant'] },
    ]);
  });

  it('should require a guardian for a minor, at the participant’s path', () => {
    expect(
      participantProblems(event, RegistrationType.Delegation, [person(), person({ isMinor: true })]),
    ).toEqual([{ field: 'participants[1].guardian', messages: ['is required for a minor'] }]);
  });

  it('should name the nights outside the event', () => {
    const [problem] = participantProblems(event, RegistrationType.Individual, [
      person({ accommodationNights: ['2027-07-04', '2027-07-10', '2027-07-20'] }),
    ]);
    expect(problem.field).toBe('participants[0].accommodationNights');
    expect(problem.messages[0]).toMatch(/2027-07-05 and 2027-07-19: 2027-07-04, 2027-07-20$/);
  });

  it('should use bare field names for a substitute (one person, no list)', () => {
    expect(
      participantProblems(event, RegistrationType.Delegation, [person({ isMinor: true })], 'participant'),
    ).toEqual([{ field: 'guardian', messages: ['is required for a minor'] }]);
  });
});
