import { AppError } from '@qn/domain';
import { isDuplicateKeyError } from '@qn/db';
import { PersonalFeed, type PersonalFeedDoc } from '../models/personal-feed';
import { PersonalFeedTokenKey, writeFeedTokenKey } from '../models/personal-feed-token-key';
import { findRegistrantByManageToken } from './feed-sources';
import { hashFeedToken, personalFeedToken, registrantKey } from './personal-feed-token';

export type PersonalFeedGrant = { token: string; key: string };

async function registrantOf(secretKey: string, manageToken: string): Promise<{ key: string; email: string }> {
  const r = await findRegistrantByManageToken(manageToken);
  // Same answer for a wrong token and a wiped registration: nothing to learn by probing.
  if (!r) throw AppError.notFound('Keine Anmeldung zu diesem Verwaltungslink.');
  return { key: registrantKey(secretKey, r.email), email: r.email };
}

function grantOf(secretKey: string, doc: Pick<PersonalFeedDoc, '_id' | 'version'>): PersonalFeedGrant {
  return { token: personalFeedToken(secretKey, doc._id, doc.version), key: doc._id };
}

async function setVersion(
  secretKey: string,
  key: string,
  email: string,
  version: number,
): Promise<PersonalFeedGrant> {
  const token = personalFeedToken(secretKey, key, version);
  // The pointer first: a crash in between leaves a pointer to a record without this hash
  // (harmless), never a feed its token cannot find. The old token's pointer stays, so a
  // calendar app still polling it is answered 404 by `_id` reads, not by a scan.
  await writeFeedTokenKey(hashFeedToken(token), key);
  await PersonalFeed.updateOne(
    { _id: key },
    { $set: { email, version, tokenHash: hashFeedToken(token), revokedAt: null } },
  );
  return { token, key };
}

/**
 * The registrant's current personal feed, created on first request. Asking again returns the
 * same token (it is derived, not random); after a revocation a new one is made, never the old.
 */
export async function issuePersonalFeed(opts: {
  secretKey: string;
  manageToken: string;
}): Promise<PersonalFeedGrant> {
  const { key, email } = await registrantOf(opts.secretKey, opts.manageToken);
  const existing = await PersonalFeed.findById(key).lean();
  if (existing && !existing.revokedAt) return grantOf(opts.secretKey, existing);
  if (existing) return setVersion(opts.secretKey, key, email, existing.version + 1);
  const token = personalFeedToken(opts.secretKey, key, 1);
  await writeFeedTokenKey(hashFeedToken(token), key);
  try {
    await PersonalFeed.create({ _id: key, email, version: 1, tokenHash: hashFeedToken(token) });
  } catch (err) {
    // Two first requests at once: the unique _id lets one insert; both answer the same token.
    if (!isDuplicateKeyError(err)) throw err;
  }
  return { token, key };
}

/** A new token; the old one answers 404 from now on. */
export async function rotatePersonalFeed(opts: {
  secretKey: string;
  manageToken: string;
}): Promise<PersonalFeedGrant> {
  const { key, email } = await registrantOf(opts.secretKey, opts.manageToken);
  const existing = await PersonalFeed.findById(key).lean();
  if (!existing) return issuePersonalFeed(opts);
  return setVersion(opts.secretKey, key, email, existing.version + 1);
}

/** The feed stops answering; a later issue makes a new token. */
export async function revokePersonalFeed(opts: {
  secretKey: string;
  manageToken: string;
}): Promise<{ key: string }> {
  const { key } = await registrantOf(opts.secretKey, opts.manageToken);
  await PersonalFeed.updateOne({ _id: key }, { $set: { revokedAt: new Date() } });
  return { key };
}

/**
 * The live feed a token opens, or null (unknown, rotated away or revoked): the token's pointer
 * and the record, both by `_id`; the record's own hash decides. A feed issued before the
 * pointers has none: one scan finds it and writes the pointer, once per feed.
 */
export async function findPersonalFeed(token: string): Promise<{ key: string; email: string } | null> {
  const hash = hashFeedToken(token);
  const pointer = await PersonalFeedTokenKey.findById(hash).lean();
  let doc = pointer ? await PersonalFeed.findById(pointer.feedId).lean() : null;
  if (!pointer) {
    doc = await PersonalFeed.findOne({ tokenHash: hash }).lean();
    if (doc) await writeFeedTokenKey(hash, doc._id);
  }
  if (!doc || doc.tokenHash !== hash || doc.revokedAt) return null;
  return { key: doc._id, email: doc.email };
}
