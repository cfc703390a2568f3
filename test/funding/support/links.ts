import type { ReceivedMail } from '@qn/testing';

/** The token of a link of the given kind in a received mail's text. */
export function tokenIn(mail: ReceivedMail, kind: 'confirm' | 'manage' | 'unsubscribe'): string {
  const path = kind === 'unsubscribe' ? 'unsubscribe' : `subscriptions/${kind}`;
  const m = new RegExp(`/api/funding/${path}/([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!m) throw new Error(`no ${kind} link in mail "${mail.subject}"`);
  return m[1]!;
}
