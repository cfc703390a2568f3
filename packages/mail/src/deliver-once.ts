import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { MailLedger } from './mail-ledger';

export type DeliverResult = 'sent' | 'already-sent' | 'claimed-elsewhere';

function isDup(err: unknown): boolean {
  return (err as { code?: number })?.code === 11000;
}

/**
 * Sends a message at most once per ledger key, except in one window no system can close:
 * the relay accepted the message and the process died before `status: sent` was written.
 * A retry of the same job (same `attemptId` owner) then sends again; a different job with
 * the same key never does.
 */
export async function deliverOnce(
  transport: Transporter,
  opts: { ledgerKey: string; kind: string; owner: string; message: Mail.Options },
): Promise<DeliverResult> {
  try {
    await MailLedger.create({
      _id: opts.ledgerKey,
      kind: opts.kind,
      status: 'sending',
      claimedBy: opts.owner,
      recipient: typeof opts.message.to === 'string' ? opts.message.to : undefined,
    });
  } catch (err) {
    if (!isDup(err)) throw err;
    const existing = await MailLedger.findById(opts.ledgerKey).lean();
    if (existing?.status === 'sent') return 'already-sent';
    if (existing && existing.claimedBy !== opts.owner) return 'claimed-elsewhere';
  }
  const info = await transport.sendMail(opts.message);
  await recordSent(opts.ledgerKey, info.messageId);
  return 'sent';
}

/**
 * The mail is out: recording that must outlast a database restart, or the job's retry would
 * find `sending` under its own name and send again. Writes are not retried by the driver
 * (FerretDB has no sessions, so retryWrites is off), hence this loop: about 30 s in all.
 */
async function recordSent(ledgerKey: string, messageId: string | undefined): Promise<void> {
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      await MailLedger.updateOne(
        { _id: ledgerKey },
        { $set: { status: 'sent', messageId, sentAt: new Date() } },
      );
      return;
    } catch (err) {
      if (attempt >= 8) throw err;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 8_000);
    }
  }
}
