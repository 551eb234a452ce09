import { csvField, csvText } from './csv';

describe('CSV fields', () => {
  it('quotes every field and doubles inner quotes, so commas and line breaks stay in one cell (RFC 4180)', () => {
    expect(csvField('Parque "La Pastora", fase 2')).toBe('"Parque ""La Pastora"", fase 2"');
    expect(csvField('dos\r\nlíneas')).toBe('"dos\r\nlíneas"');
    expect(csvField('')).toBe('""');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('escapes text a spreadsheet would run as a formula: %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('leaves other text alone, including formula characters after the first', () => {
    expect(csvField('Luminarias = LED + bancas')).toBe('"Luminarias = LED + bancas"');
    expect(csvField(' =1')).toBe('" =1"');
    expect(csvField("'ya citado")).toBe(`"'ya citado"`);
  });

  it('writes numbers and booleans as they are', () => {
    expect(csvField(-5)).toBe('"-5"');
    expect(csvField(450_000)).toBe('"450000"');
    expect(csvField(true)).toBe('"true"');
  });

  it('ends every row with CRLF', () => {
    expect(
      csvText([
        ['a', 1],
        ['=b', false],
      ]),
    ).toBe(`"a","1"\r\n"'=b","false"\r\n`);
  });
});
