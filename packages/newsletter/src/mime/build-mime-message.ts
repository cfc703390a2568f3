import { createHash } from 'node:crypto';
import { encodeQuotedPrintableBytes } from './quoted-printable';
import { encodeWords, foldHeader, mailbox } from './header-encoding';
import { dkimSignature, type DkimKey } from './dkim-sign';

export type MimeMessage = {
  from: { name?: string; address: string };
  to: { name?: string; address: string };
  replyTo?: string;
  subject: string;
  messageId: string;
  date?: Date;
  /** Extra headers, ASCII values (List-Unsubscribe, List-Id, …), in this order. */
  headers: [string, string][];
  text: string;
  html: string;
};

const CRLF = Buffer.from('\r\n', 'latin1');

/** Headers a newsletter signature covers, when present (RFC 8058 needs both List-Unsubscribe ones). */
const SIGNED = new Set([
  'from',
  'to',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'list-id',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'feedback-id',
]);

/**
 * The raw RFC 5322 message of one newsletter mail: multipart/alternative with a plain-text and
 * an HTML part, both UTF-8 quoted-printable, DKIM-signed when a key is given. Built by hand
 * rather than with nodemailer's composer because a campaign builds tens of thousands of them:
 * this costs a tenth of the composer's time, and signing leaves the event loop (see
 * dkim-sign.ts). Checked by mailparser (the dev mailbox) and mailauth (tests).
 */
export async function buildMimeMessage(m: MimeMessage, dkim?: DkimKey): Promise<Buffer> {
  // Derived, not random: unique per message id, and no entropy drawn per mail. "=_" cannot
  // occur in quoted-printable text, so the boundary never collides with the content.
  const boundary = `=_qn_${createHash('sha1').update(m.messageId).digest('hex').slice(0, 24)}`;
  const headers = [
    foldHeader('From', mailbox(m.from.name, m.from.address)),
    foldHeader('To', mailbox(m.to.name, m.to.address)),
    ...(m.replyTo ? [foldHeader('Reply-To', `<${m.replyTo}>`)] : []),
    foldHeader('Subject', encodeWords(m.subject)),
    `Date: ${(m.date ?? new Date()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${m.messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    ...m.headers.map(([k, v]) => foldHeader(k, v)),
  ];
  // Assembled as bytes: tens of kilobytes of strings per mail would otherwise be garbage that
  // the worker's heap grows for (docs/bench/newsletter-throughput.md, RSS).
  const partHead = (type: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
      'latin1',
    );
  const body = Buffer.concat([
    partHead('text/plain'),
    encodeQuotedPrintableBytes(m.text),
    CRLF,
    partHead('text/html'),
    encodeQuotedPrintableBytes(m.html),
    CRLF,
    Buffer.from(`--${boundary}--\r\n`, 'latin1'),
  ]);
  const signed = dkim
    ? [
        await dkimSignature(
          dkim,
          headers.filter((h) => SIGNED.has(h.slice(0, h.indexOf(':')).toLowerCase())),
          body,
          // Part headers and boundary lines have no whitespace runs either.
          { bodyIsCanonical: true },
        ),
      ]
    : [];
  return Buffer.concat([Buffer.from(`${[...signed, ...headers].join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}
