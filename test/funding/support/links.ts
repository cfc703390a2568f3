import type { ReceivedMail } from '@qn/testing';

const PAGE = { confirm: 'bestaetigen', manage: 'verwalten', unsubscribe: 'abmelden' } as const;

/**
 * The token of a link of the given kind in a received mail's text. Mails link the web's pages;
 * the tokens work on the API's endpoints as well, which is where most tests take them.
 */
export function tokenIn(mail: ReceivedMail, kind: 'confirm' | 'manage' | 'unsubscribe'): string {
  const m = new RegExp(`/foerderprogramme/benachrichtigungen/${PAGE[kind]}/([A-Za-z0-9_-]{43})`).exec(
    mail.text,
  );
  if (!m) throw new Error(`no ${kind} link in mail "${mail.subject}"`);
  return m[1]!;
}
