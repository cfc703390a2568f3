import { checkImportRow, consentDateOf, fieldsOfActionOf } from './import-rows';

const now = new Date('2026-12-01T12:00:00Z');
const opts = { mode: 'consented' as const, listLang: 'de' as const, now };

describe('import rows', () => {
  it('takes German labels as well as keys for actor type, municipality and fields of action', () => {
    const { row, problems } = checkImportRow(
      {
        email: ' Anna@Example.ORG ',
        name: 'Anna',
        actorType: 'Wohlfahrtsverband',
        municipality: 'Esslingen am Neckar',
        fieldsOfAction: 'Wohnen, Beratung, Pflege und Unterstützung; mobilitaet',
        consentAt: '31.10.2026',
      },
      opts,
    );
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      email: 'anna@example.org',
      actorType: 'wohlfahrt',
      municipality: 'esslingen-am-neckar',
      fieldsOfAction: ['wohnen', 'pflege', 'mobilitaet'],
      consentAt: new Date(Date.UTC(2026, 9, 31)),
    });
    expect(
      checkImportRow(
        { email: 'a@b.de', actorType: 'verein', municipality: 'Nürtingen', consentAt: '2026-01-02' },
        opts,
      ).row,
    ).toMatchObject({
      actorType: 'verein',
      municipality: 'nuertingen',
    });
    expect(
      checkImportRow({ email: 'a@b.de', actorType: 'Association', consentAt: '2026-01-02' }, opts).row
        .actorType,
    ).toBe('verein');
  });

  it('names what is wrong in a row as codes', () => {
    const { problems } = checkImportRow(
      {
        email: 'kaputt',
        actorType: 'Sportclub',
        municipality: 'Atlantis',
        fieldsOfAction: 'Wohnen|Raumfahrt',
        consentAt: '31.02.2026',
      },
      opts,
    );
    expect(problems).toEqual([
      { column: 'email', code: 'invalid' },
      { column: 'municipality', code: 'unknown', value: 'Atlantis' },
      { column: 'actorType', code: 'unknown', value: 'Sportclub' },
      { column: 'fieldsOfAction', code: 'unknown', value: 'Raumfahrt' },
      { column: 'consentAt', code: 'required' },
    ]);
    expect(checkImportRow({ email: 'a@b.de', consentAt: '01.01.2027' }, opts).problems).toEqual([
      { column: 'consentAt', code: 'future' },
    ]);
    expect(checkImportRow({ email: 'a@b.de' }, { ...opts, mode: 'pending' }).problems).toEqual([]);
  });

  it('reads German and ISO consent dates', () => {
    expect(consentDateOf('1.2.2026 14:30')).toEqual(new Date(Date.UTC(2026, 1, 1, 14, 30)));
    expect(consentDateOf('2026-02-01T10:00:00Z')).toEqual(new Date('2026-02-01T10:00:00Z'));
    expect(consentDateOf('gestern')).toBeUndefined();
    expect(fieldsOfActionOf('')).toEqual({ keys: [], unknown: [] });
  });
});
