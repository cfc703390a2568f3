import { isSuppressed } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { dateIn } from './calendar-date';
import { listUnsubscribeHeaders, type MailContext } from './mail-context';
import { Alert, alertId, type AlertKind } from './models/alert';
import { Programme, type ProgrammeDoc } from './models/programme';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { renderAlertMail } from './render-alert-mail';
import { noteRemovedFromMatchIndex } from './match-index/note-match-index-changes';
import { subscriptionMatches } from './subscription-matches';

/**
 * Programmes by id for a few seconds: a fan-out sends thousands of alerts about one programme,
 * and re-reading it for each is the larger part of the database work. A programme archived in
 * the meantime is noticed within `ttlMs`.
 */
export class ProgrammeCache {
  private readonly entries = new Map<string, { at: number; value: Promise<ProgrammeDoc | null> }>();
  constructor(private readonly ttlMs = 5_000) {}
  get(id: string): Promise<ProgrammeDoc | null> {
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = Programme.findById(id).lean<ProgrammeDoc>().exec();
    if (this.entries.size > 100) this.entries.clear();
    this.entries.set(id, { at: Date.now(), value });
    return value;
  }
}

/**
 * Turns one pending immediate alert into a `mail.send` job, after checking at send time that
 * the subscription is still confirmed, the address not suppressed and the programme still
 * published. The mail's ledger key is the alert's natural key, so however often this runs the
 * mailer sends it once; the alert record is then marked sent, so a rerun of the matching does
 * not enqueue it again.
 */
export async function sendAlert(opts: {
  subscriptionId: string;
  programmeId: string;
  reason: string;
  kind: AlertKind;
  deadline?: string;
  daysBefore?: number;
  producer: Producer;
  /** A short-lived programme cache shared by the jobs of one worker (one fan-out = one programme). */
  programmes?: ProgrammeCache;
  mail: MailContext;
  now?: Date;
  requestId?: string;
}): Promise<'sent' | 'skipped'> {
  const id = alertId(opts.subscriptionId, opts.programmeId, opts.reason);
  const skip = async () => {
    await Alert.updateOne({ _id: id }, { $set: { status: 'skipped' } });
    return 'skipped' as const;
  };
  const sub = await Subscription.findById(opts.subscriptionId).lean<SubscriptionDoc>();
  if (!sub || sub.status !== 'confirmed') return skip();
  if (await isSuppressed(sub.email, opts.mail.secret)) {
    await Subscription.updateOne({ _id: sub._id }, { $set: { status: 'ended', endedReason: 'suppressed' } });
    await noteRemovedFromMatchIndex([sub._id]);
    return skip();
  }
  const programme = await (opts.programmes ?? new ProgrammeCache(0)).get(opts.programmeId);
  if (!programme || programme.status !== 'published') return skip();
  // The match came from the Redis index, which may lag the database: the filters as stored now
  // decide (a subscriber who narrowed them meanwhile gets nothing).
  if (!subscriptionMatches(sub, programme, { remindersOnly: opts.kind === 'reminder' })) return skip();

  const today = dateIn(opts.mail.timeZone, opts.now);
  const m = renderAlertMail(opts, programme, sub, opts.mail, today);
  await opts.producer.enqueue(
    'mail.send',
    {
      ledgerKey: `funding-alert:${id}`,
      kind: `funding-${opts.kind}`,
      to: sub.email,
      subject: m.subject,
      text: m.text,
      html: m.html,
      headers: listUnsubscribeHeaders(m.links, opts.mail),
    },
    { requestId: opts.requestId },
  );
  await Alert.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: opts.now ?? new Date() } });
  return 'sent';
}
