import { z } from 'zod';
import { formField, isRealLocalDate, parseForm } from './form-state';
import { translator } from './i18n';
import { textField, checkboxField, choiceGroup } from './components/form-fields';
import { fromLocalInput, toLocalInput } from './format';

const schema = z.object({
  email: formField.email(),
  note: formField.optionalText(5),
  topics: formField.multi(['a', 'b'] as const),
  consent: formField.consent(),
});

describe('parseForm', () => {
  it('returns one plain-language message per field, in the page language, and keeps the values', () => {
    const body = { _csrf: 'secret', email: 'nope', note: 'far too long', topics: ['a', 'x'], consent: '' };
    const de = parseForm(schema, body, translator('de'));
    expect(de.ok).toBe(false);
    expect(de.form.errors).toEqual({
      email: expect.stringContaining('gültige E-Mail-Adresse'),
      note: expect.stringContaining('höchstens 5'),
      topics: expect.stringContaining('angebotenen Werte'),
      consent: expect.stringContaining('Einwilligung'),
    });
    expect(de.form.values).toEqual({ email: 'nope', note: 'far too long', topics: ['a', 'x'], consent: '' });
    const en = parseForm(schema, body, translator('en'));
    expect(en.form.errors.email).toContain('valid email address');
  });

  it('treats empty optional fields as absent and single checkboxes as lists', () => {
    const r = parseForm(
      schema,
      { email: ' A@Example.org ', note: '  ', topics: 'b', consent: 'on' },
      translator('de'),
    );
    expect(r.ok && r.data).toEqual({ email: 'A@Example.org', note: undefined, topics: ['b'], consent: true });
  });
});

describe('form fields', () => {
  const t = translator('de');
  it('ties the error and hint to the field and keeps the entered value', () => {
    const out = textField(
      { values: { email: 'x"<y' }, errors: { email: 'Falsch.' } },
      { name: 'email', label: 'E-Mail', hint: 'Ihre Adresse', required: true },
      t,
    ).value;
    expect(out).toContain('<label for="f-email">E-Mail <span class="req">(Pflichtfeld)</span></label>');
    expect(out).toContain('aria-describedby="f-email-error f-email-hint"');
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('value="x&quot;&lt;y"');
    expect(out).toContain('<p class="field-error" id="f-email-error">');
  });

  it('groups choices in a fieldset with a legend and keeps the checked ones', () => {
    const out = choiceGroup(
      { values: { topics: ['b'] }, errors: {} },
      {
        name: 'topics',
        label: 'Themen',
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      t,
    ).value;
    expect(out).toMatch(/<fieldset[^>]*>\s*<legend>Themen<\/legend>/);
    expect(out).toMatch(/id="f-topics-1" type="checkbox" name="topics" value="b" checked/);
    expect(
      checkboxField(
        { values: {}, errors: {} },
        { name: 'c', label: 'Text', labelLang: 'de' },
        translator('en'),
      ).value,
    ).toContain('<span lang="de">Text</span>');
  });
});

describe('office time', () => {
  it('turns wall-clock input into instants across daylight saving and back', () => {
    const tz = 'Europe/Berlin';
    expect(fromLocalInput('2026-07-01T10:00', tz).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(fromLocalInput('2026-12-01T10:00', tz).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(fromLocalInput('2026-03-29T03:30', tz).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toLocalInput(new Date('2026-10-25T00:30:00Z'), tz)).toBe('2026-10-25T02:30');
  });
});

describe('local dates from forms', () => {
  it.each([
    ['2027-02-28T10:00', true],
    ['2028-02-29T10:00', true],
    ['2027-02-30T10:00', false],
    ['2027-02-29', false],
    ['2027-04-31T09:00', false],
    ['0001-03-01T10:00', false],
    ['9999-03-01T10:00', false],
    ['2027-03-01T24:30', false],
  ])('%s is a real date: %s', (value, real) => {
    expect(isRealLocalDate(value)).toBe(real);
    const field = value.includes('T') ? formField.localDateTime() : formField.optionalLocalDate();
    expect(field.safeParse(value).success).toBe(real);
  });
});
