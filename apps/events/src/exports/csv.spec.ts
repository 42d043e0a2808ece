import { csvField, csvLine } from './csv';

describe(csvField.name, () => {
  it('should quote a field with a comma, quote or line break and double its quotes', () => {
    expect(csvField('Kovalenko, Olena')).toBe('"Kovalenko, Olena"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('should defuse a value a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('+380 67 000')).toBe("'+380 67 000");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('should write nothing for null, ISO text for dates and spaces between list items', () => {
    expect(csvLine([null, new Date('2027-03-10T09:00:00Z'), ['2027-03-09', '2027-03-10'], 3])).toBe(
      ',2027-03-10T09:00:00.000Z,2027-03-09 2027-03-10,3\r\n',
    );
  });
});
