import { simpleParser } from 'mailparser';
import { isAppError } from '@qn/domain';
import { unsubscribeTokenOfSubject } from '@qn/mail';
import { unsubscribe as unsubscribeFunding } from '@qn/funding';
import {
  parseDsn,
  recordBounces,
  unsubscribeByToken as unsubscribeNewsletter,
  type NewsletterContext,
} from '@qn/newsletter';

export type InboundOutcome =
  | { outcome: 'bounces'; events: number }
  | { outcome: 'unsubscribed'; domain: 'newsletter' | 'funding' }
  | { outcome: 'unknown-token' }
  | { outcome: 'ignored' };

/**
 * One mail that arrived at the office's sending address (MAIL_FROM), piped in as-is: a
 * delivery report or complaint goes to the newsletter's bounce handling; a reply to a
 * List-Unsubscribe mailto ("abmelden <token>") ends the subscription the token names, whichever
 * job it belongs to; anything else (a person's reply, an out-of-office) is left for people.
 */
export async function handleInboundMail(raw: string, newsletter: NewsletterContext): Promise<InboundOutcome> {
  const reports = parseDsn(raw);
  if (reports.length) {
    await recordBounces(newsletter, reports);
    return { outcome: 'bounces', events: reports.length };
  }
  // Headers only: the body of a reply is of no interest and may be large.
  const headerEnd = raw.search(/\r?\n\r?\n/);
  const parsed = await simpleParser(headerEnd < 0 ? raw : raw.slice(0, headerEnd + 2), {
    skipHtmlToText: true,
    skipTextToHtml: true,
  });
  const token = unsubscribeTokenOfSubject(parsed.subject ?? '');
  if (!token) return { outcome: 'ignored' };
  const byNewsletter = await unsubscribeNewsletter(newsletter, token);
  if (byNewsletter.state === 'done') return { outcome: 'unsubscribed', domain: 'newsletter' };
  if (byNewsletter.state === 'test') return { outcome: 'ignored' };
  try {
    await unsubscribeFunding({ token });
    return { outcome: 'unsubscribed', domain: 'funding' };
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') return { outcome: 'unknown-token' };
    throw err;
  }
}
