import { textProblem, type FieldIssue } from '@qn/domain';

/**
 * A registration taken without an e-mail address (a phone call) keeps a placeholder in `email`,
 * unique per registration, so the unique (event, address) index still holds for everyone else.
 * The `.invalid` top-level domain is reserved (RFC 6761): nothing can ever deliver there, and
 * anonymised registrations use it too.
 */
export const noEmailPlaceholder = (registrationId: string): string => `ohne-e-mail-${registrationId}@invalid`;

/** False for the placeholders: nothing is mailed, pointed to or indexed by them. */
export const hasEmail = (email: string | undefined): email is string =>
  !!email && !email.endsWith('@invalid');

export const PHONE_MAX = 30;
export const POSTAL_ADDRESS_MAX = 300;
const PHONE = /^\+?[0-9][0-9 ()/.-]*[0-9]$/;
// The same shape zod's z.email() accepts in the API and the forms, close enough for a CSV row.
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const isEmailAddress = (v: string): boolean => v.length <= 254 && EMAIL.test(v);

/** Digits only: how two spellings of one number are compared. */
export const phoneDigits = (v: string): string => v.replace(/\D/g, '');

/** Why a phone number cannot be stored, or undefined. */
export function phoneProblem(v: string): string | undefined {
  if (v.length > PHONE_MAX) return `at most ${PHONE_MAX} characters`;
  if (!PHONE.test(v) || phoneDigits(v).length < 3) return 'not a phone number';
  return undefined;
}

/** Why a postal address cannot be stored, or undefined (a few lines of plain text). */
export function postalAddressProblem(v: string): string | undefined {
  if (v.length > POSTAL_ADDRESS_MAX) return `at most ${POSTAL_ADDRESS_MAX} characters`;
  if (v.split(/\r\n|\n|\r/).length > 6) return 'at most 6 lines';
  return textProblem(v, 'text');
}

export type Contact = { email?: string; phone?: string; postalAddress?: string };

/**
 * The contact of someone an organiser registers: an address, or else a phone number or a
 * postal address. Blank values count as absent; the rest are trimmed.
 */
export function contactIssues(c: Contact): { contact: Contact; issues: FieldIssue[] } {
  const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);
  const contact: Contact = {
    email: blank(c.email),
    phone: blank(c.phone)?.replace(/\s+/g, ' '),
    postalAddress: blank(c.postalAddress)?.replace(/\r\n?/g, '\n'),
  };
  const issues: FieldIssue[] = [];
  if (contact.phone) {
    const p = phoneProblem(contact.phone);
    if (p) issues.push({ field: 'phone', message: p });
  }
  if (contact.postalAddress) {
    const p = postalAddressProblem(contact.postalAddress);
    if (p) issues.push({ field: 'postalAddress', message: p });
  }
  if (!contact.email && !contact.phone && !contact.postalAddress)
    issues.push({
      field: 'email',
      message: 'an e-mail address, a phone number or a postal address is required',
    });
  return { contact, issues };
}
