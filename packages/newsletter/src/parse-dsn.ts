import type { BounceEvent } from './record-bounces';

/**
 * Reads a bounce or complaint as mail servers send it: a DSN (RFC 3464, multipart/report with
 * message/delivery-status: per recipient `Final-Recipient`, `Action`, `Status`) or an ARF
 * complaint (RFC 5965, `Feedback-Type: abuse` with `Original-Rcpt-To`). The raw message is fed
 * as-is (a DSN mailbox piped to the endpoint); MIME structure does not matter, the report
 * fields are plain header-style lines.
 */
export function parseDsn(raw: string): BounceEvent[] {
  const text = raw.replace(/\r\n/g, '\n');
  const events: BounceEvent[] = [];
  if (/^Feedback-Type:\s*abuse/im.test(text)) {
    for (const m of text.matchAll(/^Original-Rcpt-To:\s*(?:rfc822;\s*)?<?([^\s>]+@[^\s>]+)>?/gim))
      events.push({ email: m[1]!, type: 'complaint', reason: 'ARF abuse report' });
    return events;
  }
  // Per-recipient blocks are separated by blank lines; unfold continuation lines first.
  const blocks = text.replace(/\n[ \t]+/g, ' ').split(/\n\s*\n/);
  for (const block of blocks) {
    const rcpt = /^Final-Recipient:\s*(?:rfc822;\s*)?<?([^\s>;]+@[^\s>;]+)>?/im.exec(block);
    if (!rcpt) continue;
    const action = /^Action:\s*(\S+)/im.exec(block)?.[1]?.toLowerCase();
    const status = /^Status:\s*([245])\.(\d{1,3})\.(\d{1,3})/im.exec(block);
    const diag = /^Diagnostic-Code:\s*(.+)$/im.exec(block)?.[1]?.trim();
    const klass = status?.[1];
    const code = status ? `${status[1]}.${status[2]}.${status[3]}` : undefined;
    if (action === 'failed' || klass === '5') {
      events.push({ email: rcpt[1]!, type: klass === '4' ? 'soft' : 'hard', reason: diag ?? code });
    } else if (action === 'delayed' || klass === '4') {
      events.push({ email: rcpt[1]!, type: 'soft', reason: diag ?? code });
    }
  }
  return events;
}
