import { csvCell, toHxlCsv, type AidFlowRow } from './aid-flow.csv';

const row: AidFlowRow = {
  deliveredOn: '2026-03-20',
  reference: 'BR-2026-000001-5',
  donor: 'Šiaulių rajono savivaldybė',
  donorCountry: 'LT',
  recipient: 'Долинська громада',
  oblast: 'Івано-Франківська',
  sectors: 'Energy; Health',
  items: 'Generators, 30 kVA; Medicines',
  grossWeightKg: 11000,
  value: '100000.00',
  currency: 'EUR',
  status: 'received',
  brokeredBy: '',
};

describe('aid flow CSV', () => {
  describe(toHxlCsv.name, () => {
    it('should write a header row, the HXL hashtag row, then one row per flow', () => {
      const [header, hashtags, first, end] = toHxlCsv([row]).split('\r\n');
      expect(header.split(',')[0]).toBe('Delivered on');
      expect(hashtags).toBe(
        '#date+delivered,#activity+code,#org+donor,#country+code+donor,#org+recipient,#adm1+name,#sector,' +
          '#item+name,#indicator+weight_kg+num,#value,#currency,#status,#org+implementing',
      );
      expect(first).toBe(
        '2026-03-20,BR-2026-000001-5,Šiaulių rajono savivaldybė,LT,Долинська громада,Івано-Франківська,' +
          'Energy; Health,"Generators, 30 kVA; Medicines",11000,100000.00,EUR,received,',
      );
      expect(end).toBe('');
    });
  });

  describe(csvCell.name, () => {
    it('should quote commas, quotes and line breaks', () => {
      expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
      expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    });

    it('should defuse spreadsheet formulas in user text but keep numbers', () => {
      expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvCell('-12.5')).toBe('-12.5');
    });
  });
});
