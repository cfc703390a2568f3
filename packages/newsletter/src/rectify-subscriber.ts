import {
  ACTOR_TYPE_KEYS,
  AppError,
  FIELD_OF_ACTION_KEYS,
  MUNICIPALITY_KEYS,
  type FieldIssue,
} from '@qn/domain';
import { verifyLinkToken } from './link-tokens';
import { NewsletterList, type Lang } from './models/newsletter-list';
import {
  Subscriber,
  subscriberIdOf,
  type SubscriberAttributes,
  type SubscriberDoc,
  type SubscriberStatus,
} from './models/subscriber';
import type { NewsletterContext } from './newsletter-context';
import { addressLock, withLock } from './redis-lock';

/** What a subscriber may correct about themselves (DSGVO Art. 16); `null` deletes an entry. */
export type SubscriberCorrections = {
  name?: string | null;
  municipality?: string | null;
  actorType?: string | null;
  fieldsOfAction?: string[];
};

/** What the subscriber sees of their own list record behind their link. */
export type SubscriberDetails = {
  listName?: string;
  lang: Lang;
  email: string;
  name?: string;
  status: SubscriberStatus;
  attributes: SubscriberAttributes;
};

type Ctx = Pick<NewsletterContext, 'secret' | 'redis' | 'keyPrefix'>;

const NAME_MAX = 200;

/**
 * The list record behind an unsubscribe link (the personal link in every newsletter): the
 * token names list and address hash under an HMAC, so it is the authority, like for the
 * one-click unsubscribe. Unknown, forged or test-send tokens and erased records are 404.
 */
async function recordOf(ctx: Ctx, token: string): Promise<{ id: string; addressHash: string }> {
  const t = verifyLinkToken(token, ctx.secret);
  if (!t || t.kind !== 'u') throw AppError.notFound('Link ungültig.');
  return { id: subscriberIdOf(t.listId, t.addressHash), addressHash: t.addressHash };
}

/**
 * The personal link shows and corrects personal data only while the subscription lasts
 * (pending or confirmed). Once the person has left the list (unsubscribed, bounced,
 * complained), a newsletter forwarded or left in an old mailbox must not open their data
 * to whoever holds it; the unsubscribe itself keeps working (it only ever removes), and
 * what is still stored can be asked for or corrected through the privacy request page,
 * which proves the address by mail.
 */
const LINK_SHOWS_DETAILS: readonly SubscriberStatus[] = ['pending', 'confirmed'];

export const DETAILS_GONE = 'Sie sind von diesem Newsletter abgemeldet; der Link zeigt keine Angaben mehr.';

function assertStillSubscribed(sub: Pick<SubscriberDoc, 'status'>): void {
  if (!LINK_SHOWS_DETAILS.includes(sub.status)) throw new AppError('gone', DETAILS_GONE);
}

async function detailsOf(id: string): Promise<SubscriberDetails> {
  const sub = await Subscriber.findById(id).lean<SubscriberDoc>();
  if (!sub) throw AppError.notFound('Link ungültig.');
  assertStillSubscribed(sub);
  const list = await NewsletterList.findById(sub.listId).lean();
  return {
    listName: list?.name,
    lang: sub.lang,
    email: sub.email,
    name: sub.name,
    status: sub.status,
    attributes: {
      municipality: sub.attributes?.municipality,
      actorType: sub.attributes?.actorType,
      fieldsOfAction: sub.attributes?.fieldsOfAction ?? [],
    },
  };
}

/** For the GET page and the JSON view: never changes anything. */
export async function describeSubscriberDetails(ctx: Ctx, token: string): Promise<SubscriberDetails> {
  return detailsOf((await recordOf(ctx, token)).id);
}

function oneOf(
  field: string,
  value: string | null | undefined,
  allowed: readonly string[],
  issues: FieldIssue[],
): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (!allowed.includes(value)) issues.push({ field, message: 'not a known value' });
  return value;
}

function checked(changes: SubscriberCorrections): {
  $set: Record<string, unknown>;
  $unset: Record<string, 1>;
} {
  const issues: FieldIssue[] = [];
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, 1> = {};
  if (changes.name === null || (typeof changes.name === 'string' && !changes.name.trim())) $unset.name = 1;
  else if (typeof changes.name === 'string') {
    if (changes.name.trim().length > NAME_MAX)
      issues.push({ field: 'name', message: `at most ${NAME_MAX} characters` });
    else $set.name = changes.name.trim();
  }
  const single = [
    ['municipality', oneOf('municipality', changes.municipality, MUNICIPALITY_KEYS, issues)],
    ['actorType', oneOf('actorType', changes.actorType, ACTOR_TYPE_KEYS, issues)],
  ] as const;
  for (const [k, v] of single) {
    if (v === null) $unset[`attributes.${k}`] = 1;
    else if (v !== undefined) $set[`attributes.${k}`] = v;
  }
  if (changes.fieldsOfAction !== undefined) {
    const known: readonly string[] = FIELD_OF_ACTION_KEYS;
    const bad = changes.fieldsOfAction.filter((f) => !known.includes(f));
    if (bad.length) issues.push({ field: 'fieldsOfAction', message: 'not a known value' });
    else $set['attributes.fieldsOfAction'] = [...new Set(changes.fieldsOfAction)];
  }
  if (issues.length) throw AppError.validation(issues);
  if (!Object.keys($set).length && !Object.keys($unset).length)
    throw AppError.validation([{ field: 'body', message: 'nothing to change' }]);
  return { $set, $unset };
}

/**
 * Corrects the name and attributes of the list record behind the subscriber's own link. Under
 * the address lock, like every other writer of the address's records (unsubscribe, bounces,
 * admin changes): FerretDB writes whole documents back, so an unserialised correction could
 * undo a concurrent unsubscribe. Only while subscribed (see LINK_SHOWS_DETAILS).
 */
export async function rectifySubscriber(
  ctx: Ctx,
  token: string,
  changes: SubscriberCorrections,
): Promise<SubscriberDetails> {
  const update = checked(changes);
  const { id, addressHash } = await recordOf(ctx, token);
  await withLock(ctx, addressLock(addressHash), async () => {
    const current = await Subscriber.findById(id, { status: 1 }).lean<Pick<SubscriberDoc, 'status'>>();
    if (!current) throw AppError.notFound('Link ungültig.');
    assertStillSubscribed(current);
    await Subscriber.updateOne(
      { _id: id },
      {
        ...(Object.keys(update.$set).length ? { $set: update.$set } : {}),
        ...(Object.keys(update.$unset).length ? { $unset: update.$unset } : {}),
      },
    );
  });
  return detailsOf(id);
}
