import { isSuppressed } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { dateIn } from './calendar-date';
import { listUnsubscribeHeaders, type MailContext } from './mail-context';
import { Alert, type AlertDoc } from './models/alert';
import { Programme, type ProgrammeDoc } from './models/programme';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { renderDigestMail } from './render-alert-mail';
import { noteRemovedFromMatchIndex } from './match-index/note-match-index-changes';
import { subscriptionMatches } from './subscription-matches';
import { op } from './trusted';

/**
 * One subscriber's weekly digest. The items pending at the run's cutoff are first claimed
 * under the digest key, so a retry mails the same set (and the ledger key
 * `funding-digest:<subscription>:<date>` makes it one mail), while items arriving meanwhile
 * wait for next week. Nothing pending, nothing sent: an empty digest is never mailed.
 */
export async function sendDigest(opts: {
  subscriptionId: string;
  digestKey: string;
  cutoff: string;
  producer: Producer;
  mail: MailContext;
  requestId?: string;
}): Promise<'sent' | 'empty' | 'skipped'> {
  const { subscriptionId, digestKey } = opts;
  const pendingOfSub = { subscriptionId, mode: 'digest' as const, status: 'pending' as const };
  const sub = await Subscription.findById(subscriptionId).lean<SubscriptionDoc>();
  const suppressed = sub ? await isSuppressed(sub.email, opts.mail.secret) : false;
  if (!sub || sub.status !== 'confirmed' || suppressed) {
    if (sub && suppressed) {
      await Subscription.updateOne(
        { _id: sub._id },
        { $set: { status: 'ended', endedReason: 'suppressed' } },
      );
      await noteRemovedFromMatchIndex([sub._id]);
    }
    await Alert.updateMany(pendingOfSub, { $set: { status: 'skipped' } });
    return 'skipped';
  }
  await Alert.updateMany(
    { ...pendingOfSub, createdAt: op({ $lte: new Date(opts.cutoff) }), digestKey: op({ $exists: false }) },
    { $set: { digestKey } },
  );
  const claimed = await Alert.find({ subscriptionId, digestKey, status: op({ $ne: 'skipped' as const }) })
    .sort({ createdAt: 1 })
    .lean<AlertDoc[]>();
  if (claimed.length === 0 || claimed.every((a) => a.status === 'sent')) return 'empty';

  const programmes = new Map(
    (
      await Programme.find({
        _id: op({ $in: [...new Set(claimed.map((a) => a.programmeId))] }),
        status: 'published',
      }).lean<ProgrammeDoc[]>()
    ).map((p) => [p._id, p]),
  );
  // One entry per programme, under its latest news (a new programme whose deadline then moved
  // is listed once).
  const latest = new Map<string, AlertDoc>();
  // Only programmes the filters as stored now still match (the index that proposed them may lag).
  const stillMatching = (id: string) => {
    const p = programmes.get(id);
    return p !== undefined && subscriptionMatches(sub, p);
  };
  const dropped = claimed.filter((a) => a.status === 'pending' && !stillMatching(a.programmeId));
  if (dropped.length)
    await Alert.updateMany({ _id: op({ $in: dropped.map((a) => a._id) }) }, { $set: { status: 'skipped' } });
  for (const a of claimed) if (stillMatching(a.programmeId)) latest.set(a.programmeId, a);
  const items = [...latest.values()].map((alert) => ({
    alert,
    programme: programmes.get(alert.programmeId)!,
  }));
  if (items.length === 0) {
    await Alert.updateMany({ subscriptionId, digestKey }, { $set: { status: 'skipped' } });
    return 'empty';
  }
  const m = renderDigestMail(items, sub, opts.mail, dateIn(opts.mail.timeZone));
  await opts.producer.enqueue(
    'mail.send',
    {
      ledgerKey: `funding-digest:${subscriptionId}:${digestKey}`,
      kind: 'funding-digest',
      to: sub.email,
      subject: m.subject,
      text: m.text,
      html: m.html,
      headers: listUnsubscribeHeaders(m.links, opts.mail),
    },
    { requestId: opts.requestId },
  );
  await Alert.updateMany(
    { subscriptionId, digestKey, status: op({ $ne: 'skipped' as const }) },
    { $set: { status: 'sent', sentAt: new Date() } },
  );
  return 'sent';
}
