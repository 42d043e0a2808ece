import { proposalInboxText } from './proposal-inbox-text';

const hromada = {
  nameNative: 'Житомирська міська громада',
  nameLatin: 'Zhytomyr urban hromada',
  country: 'UA',
  regionName: 'Житомирська область',
  population: 261_000,
};
const krakow = {
  nameNative: 'Kraków',
  nameLatin: 'Krakow',
  country: 'PL',
  regionName: 'Małopolskie',
  population: 804_237,
};

describe(proposalInboxText.name, () => {
  it('should name both municipalities in both scripts and say who the partner is', () => {
    expect(proposalInboxText(hromada, krakow, 0.81)).toEqual({
      title: 'Житомирська міська громада (Zhytomyr urban hromada) – Kraków (Krakow)',
      summary: 'Kraków (Krakow), Poland · Małopolskie · 804,237 inhabitants · match score 81%',
    });
  });

  it('should leave out what the directory does not know', () => {
    const bare = { ...krakow, nameLatin: 'Kraków', regionName: null, population: null };
    expect(proposalInboxText(hromada, bare, 0.5).summary).toBe('Kraków, Poland · match score 50%');
  });
});
