import mongoose from 'mongoose';
import type { ReceivedMail } from '@qn/testing';

/** Every collection's document count, so a test can say "counts unchanged" about all of them. */
export async function countAll(): Promise<Record<string, number>> {
  const db = mongoose.connection.db!;
  const out: Record<string, number> = {};
  for (const c of await db.listCollections().toArray()) {
    out[c.name] = await db.collection(c.name).countDocuments();
  }
  return out;
}

/** Every collection and document id in which one of the needles occurs anywhere (case-insensitive). */
export async function findAnywhere(needles: string[]): Promise<string[]> {
  const db = mongoose.connection.db!;
  const lower = needles.map((n) => n.toLowerCase());
  const hits: string[] = [];
  for (const c of await db.listCollections().toArray()) {
    for await (const doc of db.collection(c.name).find({})) {
      const text = JSON.stringify(doc).toLowerCase();
      for (const n of lower) if (text.includes(n)) hits.push(`${c.name}/${String(doc._id)}: ${n}`);
    }
  }
  return hits;
}

/** The confirmation token from a mailed privacy request's link. */
export function tokenFromMail(mail: ReceivedMail): string | undefined {
  return /\/api\/privacy\/requests\/(qnp_[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
}

/**
 * Waits until the mailer has marked every ledger row of the address as sent. A person follows a
 * link seconds after it arrives; a test must not erase in the millisecond between the relay's
 * acceptance and the ledger's `sent`, where FerretDB's non-atomic update would write it back.
 */
export async function ledgerSettled(email: string): Promise<void> {
  const ledger = mongoose.connection.collection('mail_ledger');
  for (let i = 0; i < 100; i++) {
    if ((await ledger.countDocuments({ recipient: email, status: 'sending' })) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`ledger rows for ${email} still sending`);
}
