import { contactIssues, hasEmail, noEmailPlaceholder, phoneProblem, postalAddressProblem } from './contact';
import { parseAttendeeCsv } from './attendees-csv';

describe('contact of a registration without an address', () => {
  it('never takes a placeholder for an address', () => {
    expect(hasEmail(noEmailPlaceholder('65e000000000000000000001'))).toBe(false);
    expect(hasEmail('anonymisiert-65e000000000000000000001@invalid')).toBe(false);
    expect(hasEmail('erika@example.org')).toBe(true);
    expect(hasEmail(undefined)).toBe(false);
  });

  it('accepts phone numbers as people write them, and refuses anything else', () => {
    for (const ok of ['07022 75-1234', '+49 (711) 123 456', '0711/123456', '0711.123.456'])
      expect([ok, phoneProblem(ok)]).toEqual([ok, undefined]);
    for (const bad of ['ruft an', '12', '0711 123\n456', '0711\u0000123', '+49 ' + '1'.repeat(40)])
      expect(phoneProblem(bad)).toBeDefined();
  });

  it('takes a postal address of a few clean lines', () => {
    expect(postalAddressProblem('Kirchstraße 3\n72622 Nürtingen')).toBeUndefined();
    expect(postalAddressProblem('a\nb\nc\nd\ne\nf\ng')).toBeDefined();
    expect(postalAddressProblem('Kirchstraße\u00073')).toBeDefined();
    expect(postalAddressProblem('x'.repeat(301))).toBeDefined();
  });

  it('needs one contact, ignores blanks and trims', () => {
    expect(contactIssues({ email: ' ', phone: '' }).issues).toEqual([
      { field: 'email', message: expect.stringContaining('required') },
    ]);
    expect(contactIssues({ phone: '  0711   123456 ' })).toEqual({
      contact: { email: undefined, phone: '0711 123456', postalAddress: undefined },
      issues: [],
    });
    expect(contactIssues({ email: 'a@example.org', phone: 'nein' }).issues).toEqual([
      { field: 'phone', message: 'not a phone number' },
    ]);
  });

  it('reads the German import headers, with a phone column instead of an address', () => {
    const r = parseAttendeeCsv('Name;Telefon;Begleitung\r\nBruno Bach;0711 123456;1\r\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, name: 'Bruno Bach', email: '', phone: '0711 123456', companions: '1' },
    ]);
    expect(
      parseAttendeeCsv('name,email,phone,postalAddress\nA,,,"Weg 1\n73728 Esslingen"\n').rows[0],
    ).toMatchObject({
      postalAddress: 'Weg 1\n73728 Esslingen',
    });
    expect(parseAttendeeCsv('Name;Organisation\nA;B').errors).toEqual([
      { field: 'csv.header', message: 'missing column E-Mail' },
    ]);
  });
});
