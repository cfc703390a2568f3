import { renderMail, unsubscribeMailto } from '@qn/mail';
import { CONSENT_TEXT } from './consent-text';
import { confirmUrl, unsubscribeLink } from './links';
import { compileCampaign, renderForRecipient } from './render-campaign';
import type { NewsletterContext } from './newsletter-context';
import type { NewsletterListDoc } from './models/newsletter-list';
import type { SubscriberDoc } from './models/subscriber';
import { greetingOf } from './render-campaign';

type Ctx = Pick<NewsletterContext, 'publicUrl' | 'secret' | 'officeName' | 'producer' | 'mailFrom'>;

function footer(ctx: Ctx) {
  return {
    officeName: ctx.officeName,
    privacyUrl: `${ctx.publicUrl}/datenschutz`,
    imprintUrl: `${ctx.publicUrl}/impressum`,
  };
}

/** The double opt-in mail. Its ledger key names the nonce: a new request sends a new mail. */
export async function enqueueConfirmationMail(
  ctx: Ctx,
  sub: Pick<SubscriberDoc, '_id' | 'listId' | 'email' | 'addressHash' | 'name' | 'lang' | 'confirmNonce'>,
  list: Pick<NewsletterListDoc, 'name'>,
  requestId?: string,
): Promise<void> {
  const url = confirmUrl(ctx, sub);
  const de = sub.lang !== 'en';
  const body = renderMail({
    lang: sub.lang,
    greeting: greetingOf(sub.lang, sub.name),
    blocks: de
      ? [
          { type: 'p', text: `bitte bestätigen Sie Ihre Anmeldung zum Newsletter „${list.name}“.` },
          { type: 'action', label: 'Anmeldung bestätigen', url },
          {
            type: 'p',
            text: 'Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese Mail einfach: ohne Bestätigung erhalten Sie nichts, und die Anmeldung wird nach 30 Tagen gelöscht.',
          },
          { type: 'p', text: `Ihre Einwilligung: ${CONSENT_TEXT.de}` },
        ]
      : [
          { type: 'p', text: `please confirm your subscription to the newsletter "${list.name}".` },
          { type: 'action', label: 'Confirm subscription', url },
          {
            type: 'p',
            text: 'If you did not sign up, just ignore this mail: without confirmation you receive nothing, and the sign-up is deleted after 30 days.',
          },
          { type: 'p', text: `Your consent: ${CONSENT_TEXT.en}` },
        ],
    footer: footer(ctx),
  });
  await ctx.producer.enqueue(
    'mail.send',
    {
      ledgerKey: `newsletter-confirm:${sub._id}:${sub.confirmNonce ?? '-'}`,
      kind: 'newsletter-confirm',
      to: sub.email,
      subject: de
        ? `Bitte bestätigen: Newsletter „${list.name}“`
        : `Please confirm: newsletter "${list.name}"`,
      ...body,
    },
    { requestId },
  );
}

/** The list's optional welcome mail, in the campaign layout, with its own unsubscribe link. */
export async function enqueueWelcomeMail(
  ctx: Ctx,
  sub: Pick<SubscriberDoc, '_id' | 'listId' | 'email' | 'addressHash' | 'name' | 'lang' | 'confirmNonce'>,
  list: Pick<NewsletterListDoc, '_id' | 'name' | 'welcome' | 'lang'>,
  requestId?: string,
): Promise<void> {
  if (!list.welcome.enabled || !list.welcome.bodyMarkdown) return;
  const from = parseMailbox(ctx.mailFrom);
  const cc = compileCampaign(
    {
      _id: `welcome-${list._id}`,
      subject: list.welcome.subject ?? `Willkommen beim Newsletter „${list.name}“`,
      from,
      lang: list.lang,
      bodyMarkdown: list.welcome.bodyMarkdown,
    },
    ctx,
  );
  const unsub = unsubscribeLink(ctx, sub);
  const body = renderForRecipient(cc, { name: sub.name, unsubscribeUrl: unsub.pageUrl });
  await ctx.producer.enqueue(
    'mail.send',
    {
      ledgerKey: `newsletter-welcome:${sub._id}:${sub.confirmNonce ?? '-'}`,
      kind: 'newsletter-welcome',
      to: sub.email,
      subject: body.subject,
      text: body.text,
      html: body.html,
      headers: {
        'List-Unsubscribe': `<${unsub.oneClickUrl}>, <${unsubscribeMailto(from.email, unsub.token)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        // The same List-Id as the list's campaigns (deliver-campaign-mail.ts).
        'List-Id': `<${String(list._id)}.newsletter.${from.email.split('@')[1]}>`,
      },
    },
    { requestId },
  );
}

/** "Name <address>" or a bare address, as MAIL_FROM is written. */
export function parseMailbox(s: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(s);
  if (m) return { name: m[1]!.trim() || m[2]!.trim(), email: m[2]!.trim().toLowerCase() };
  return { name: s.trim(), email: s.trim().toLowerCase() };
}
