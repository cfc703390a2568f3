import { unsubscribeMailto, unsubscribeTokenOfSubject } from './unsubscribe-mailto';

describe('unsubscribe mailto', () => {
  const token = 'u.6f1c2a.Zm9vYmFyYmF6cXV4MTIz';

  it('puts the token into the subject, and reads it back as clients send it', () => {
    const mailto = unsubscribeMailto('quartier@example.org', token);
    expect(mailto).toBe(`mailto:quartier@example.org?subject=abmelden%20${token}`);
    const subject = decodeURIComponent(new URL(mailto).searchParams.get('subject')!);
    for (const s of [
      subject,
      `Re: ${subject}`,
      `AW: aw:${subject}  `,
      `WG: ${subject.toUpperCase().replace('ABMELDEN', 'Abmelden')}`,
    ]) {
      expect(unsubscribeTokenOfSubject(s)?.toLowerCase()).toBe(token.toLowerCase());
    }
    expect(unsubscribeTokenOfSubject(`unsubscribe ${token}`)).toBe(token);
  });

  it('finds no token in other subjects', () => {
    for (const s of [
      'abmelden',
      'unsubscribe',
      'Bitte abmelden Sie mich',
      `abmelden ${token} bitte`,
      'abmelden a<b>c',
      `abmelden ${'x'.repeat(400)}`,
    ]) {
      expect(unsubscribeTokenOfSubject(s)).toBeUndefined();
    }
  });
});
