import { csvLine, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
  });
  it('detects ; as separator and skips empty lines', () => {
    expect(parseCsv('email;name\n\nx@example.org;"Müller; Anna"\n')).toEqual([
      ['email', 'name'],
      ['x@example.org', 'Müller; Anna'],
    ]);
  });
});

describe('csvLine', () => {
  it('quotes what needs it and defuses formulas', () => {
    expect(csvLine(['a', 'b,c', 'd"e', '=1+1', '-x', null, 3])).toBe('a,"b,c","d""e",\'=1+1,\'-x,,3\r\n');
  });
  it('round-trips through parseCsv', () => {
    const cells = ['x@example.org', 'Anna "A." Müller', 'a;b', 'line\nbreak'];
    expect(parseCsv(csvLine(cells))).toEqual([cells]);
  });
});
