import { attendeesCsv, csvCell, parseAttendeeCsv } from './attendees-csv';
import type { Attendee } from './attendees';

describe('attendee CSV', () => {
  it('defuses formula injection and quotes separators, quotes and line breaks', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 711')).toBe("'+49 711");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Verein "Miteinander"')).toBe('"Verein ""Miteinander"""');
    expect(csvCell('Jürgen Weiß')).toBe('Jürgen Weiß');
  });

  it('writes a BOM, semicolons and CRLF for German Excel', () => {
    const a: Attendee = {
      id: 'x',
      name: 'Ömer',
      email: 'o@example.org',
      companions: 1,
      status: 'confirmed',
      source: 'self',
      registeredAt: new Date('2026-11-25T09:00:00Z'),
    };
    const csv = attendeesCsv([a], 'Europe/Berlin');
    expect(csv.startsWith('\uFEFFName;E-Mail;')).toBe(true);
    expect(csv).toContain('\r\nÖmer;o@example.org;;1;bestätigt;;25.11.26, 10:00;nein;;\r\n');
  });

  it('parses what it writes and what Excel saves (BOM, ; or , separator, quoted cells)', () => {
    const r = parseAttendeeCsv(
      '\uFEFFName;E-Mail;Organisation\r\n"Weiß; Jürgen";j@example.org;"A ""B"""\r\n\r\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, name: 'Weiß; Jürgen', email: 'j@example.org', organisation: 'A "B"', companions: undefined },
    ]);
    expect(parseAttendeeCsv('name,email\nA,a@example.org\n').rows[0]).toMatchObject({
      name: 'A',
      email: 'a@example.org',
    });
    expect(parseAttendeeCsv('Vorname;Mail\nA;a@example.org').errors).toEqual([
      { field: 'csv.header', message: 'missing column Name' },
    ]);
  });
});
