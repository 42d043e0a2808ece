import { eventShapeProblems } from './event-draft';

const base = {
  startsAt: new Date('2027-03-10T09:00:00Z'),
  endsAt: new Date('2027-03-11T17:00:00Z'),
  registrationOpensAt: null,
  registrationClosesAt: null,
  capacity: 400,
};

describe(eventShapeProblems.name, () => {
  it('should find nothing wrong with a consistent event', () => {
    expect(
      eventShapeProblems({ ...base, quotas: [{ dimension: 'country', key: 'PL', seats: 150 }] }),
    ).toEqual([]);
  });

  it('should name endsAt when the event ends before it starts', () => {
    expect(eventShapeProblems({ ...base, endsAt: base.startsAt })).toEqual([
      { field: 'endsAt', messages: ['must be after startsAt'] },
    ]);
  });

  it('should name registrationClosesAt when the window is inverted or closes after the event', () => {
    const problems = eventShapeProblems({
      ...base,
      registrationOpensAt: new Date('2027-03-01T00:00:00Z'),
      registrationClosesAt: new Date('2027-02-01T00:00:00Z'),
    });
    expect(problems.map((p) => p.field)).toEqual(['registrationClosesAt']);
    expect(eventShapeProblems({ ...base, registrationClosesAt: new Date('2027-03-12T00:00:00Z') })).toEqual([
      { field: 'registrationClosesAt', messages: ['must not be after endsAt'] },
    ]);
  });

  it('should name a repeated quota and one larger than capacity', () => {
    const problems = eventShapeProblems({
      ...base,
      quotas: [
        { dimension: 'country', key: 'PL', seats: 10 },
        { dimension: 'country', key: 'PL', seats: 500 },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual(['quotas[1]', 'quotas[1].seats']);
  });
});
