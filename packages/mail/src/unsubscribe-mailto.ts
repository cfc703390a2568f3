/**
 * The mailto: half of List-Unsubscribe (RFC 2369), one convention for every kind of mail: the
 * subject carries the same signed token as the https link, so an unsubscribe mail is as
 * unforgeable as a click (a sender address alone is not: anyone can write one), and the
 * intake (services/ops, POST /api/inbound/:secret) needs nothing but the subject.
 */
const WORD = 'abmelden';

export function unsubscribeMailto(address: string, token: string): string {
  return `mailto:${address}?subject=${encodeURIComponent(`${WORD} ${token}`)}`;
}

/**
 * The token in an unsubscribe mail's subject, as mail programs send it back: any case, with
 * "Re:", "AW:", "Fwd:" or "WG:" in front, English "unsubscribe" as well.
 */
export function unsubscribeTokenOfSubject(subject: string): string | undefined {
  const m = /^\s*(?:(?:re|aw|fwd?|wg)\s*:\s*)*(?:abmelden|unsubscribe)\s+([A-Za-z0-9._-]{16,300})\s*$/i.exec(
    subject,
  );
  return m?.[1];
}
