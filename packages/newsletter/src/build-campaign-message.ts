import { createHash } from 'node:crypto';
import type Mail from 'nodemailer/lib/mailer';
import { renderForRecipient, type CompiledCampaign } from './render-campaign';

export type Recipient = { email: string; name?: string; addressHash: string; listId?: string };

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Message-ID is derived from campaign and recipient: should the one unclosable window send a
 * second copy (relay accepted, process died before recording it), both carry the same id, and
 * many receiving systems fold them into one.
 */
export function campaignMessageId(campaignId: string, addressHash: string, domain: string): string {
  const h = createHash('sha256').update(`${campaignId}:${addressHash}`).digest('base64url').slice(0, 20);
  return `<nl.${campaignId}.${h}@${domain}>`;
}

/**
 * The complete message for one recipient. List-Unsubscribe carries both the https one-click
 * URL and a mailto, List-Unsubscribe-Post marks the URL one-click (RFC 8058); the DKIM
 * signature of the transport covers both headers.
 */
export function buildCampaignMessage(
  cc: CompiledCampaign,
  r: Recipient,
  links: { unsubscribeUrl: string; listIdHeader?: string },
  opts: { subjectPrefix?: string; messageId?: string } = {},
): Mail.Options {
  const body = renderForRecipient(cc, { name: r.name, unsubscribeUrl: links.unsubscribeUrl });
  const domain = domainOf(cc.from.address);
  const mailto = `mailto:${cc.from.address}?subject=${encodeURIComponent('unsubscribe')}`;
  return {
    from: { name: cc.from.name, address: cc.from.address },
    to: r.name ? { name: r.name, address: r.email } : r.email,
    replyTo: cc.replyTo,
    subject: `${opts.subjectPrefix ?? ''}${cc.subject}`,
    messageId: opts.messageId ?? campaignMessageId(cc.id, r.addressHash, domain),
    text: body.text,
    html: body.html,
    textEncoding: 'quoted-printable',
    // One List-Unsubscribe header with both URIs (RFC 2369/8058); nodemailer's `list` option
    // would write one header per URI. Folding happens only at the spaces between the <...>.
    headers: {
      'List-Unsubscribe': `<${links.unsubscribeUrl}>, <${mailto}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      ...(links.listIdHeader ? { 'List-Id': `<${links.listIdHeader}>` } : {}),
      'X-Auto-Response-Suppress': 'OOF, AutoReply',
      'Feedback-ID': `${cc.id}:newsletter:quartiersnetz`,
    },
  };
}
