import { createHash } from 'node:crypto';
import { unsubscribeMailto } from '@qn/mail';
import { renderForRecipient, type CompiledCampaign } from './render-campaign';
import { buildMimeMessage, type MimeMessage } from './mime/build-mime-message';
import type { DkimKey } from './mime/dkim-sign';
import type { UnsubscribeLink } from './links';

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
 * The message for one recipient. One List-Unsubscribe header carries both the https one-click
 * URL and a mailto (RFC 2369); List-Unsubscribe-Post marks the URL one-click (RFC 8058); the
 * DKIM signature covers both (mime/build-mime-message.ts).
 */
export function campaignMessage(
  cc: CompiledCampaign,
  r: Recipient,
  links: { unsubscribe: UnsubscribeLink; listIdHeader?: string },
  opts: { subjectPrefix?: string; messageId?: string } = {},
): MimeMessage {
  const body = renderForRecipient(cc, { name: r.name, unsubscribeUrl: links.unsubscribe.pageUrl });
  const domain = domainOf(cc.from.address);
  const mailto = unsubscribeMailto(cc.from.address, links.unsubscribe.token);
  const headers: [string, string][] = [
    ['List-Unsubscribe', `<${links.unsubscribe.oneClickUrl}>, <${mailto}>`],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
  ];
  if (links.listIdHeader) headers.push(['List-Id', `<${links.listIdHeader}>`]);
  headers.push(['Feedback-ID', `${cc.id}:newsletter:quartiersnetz`]);
  headers.push(['X-Auto-Response-Suppress', 'OOF, AutoReply']);
  return {
    from: { name: cc.from.name, address: cc.from.address },
    to: { name: r.name, address: r.email },
    replyTo: cc.replyTo,
    subject: `${opts.subjectPrefix ?? ''}${body.subject}`,
    messageId: opts.messageId ?? campaignMessageId(cc.id, r.addressHash, domain),
    headers,
    text: body.text,
    html: body.html,
  };
}

/** What the SMTP transport gets: the envelope and the finished (signed) bytes. */
export async function buildCampaignRaw(
  m: MimeMessage,
  dkim?: DkimKey,
): Promise<{ envelope: { from: string; to: string[] }; raw: Buffer }> {
  return { envelope: { from: m.from.address, to: [m.to.address] }, raw: await buildMimeMessage(m, dkim) };
}
