import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Producer } from '@qn/queue';

/** Every text a person may read comes in German first and English second. */
export type Text = { de: string; en: string };
export type Lang = keyof Text;

/** The processing activities of the records of processing (Art. 30) and the privacy notice. */
export type ActivityKey =
  'events' | 'funding' | 'newsletter' | 'calendar' | 'console' | 'mail' | 'logs' | 'privacy';

export type Retention = {
  text: Text;
  /** The config variable the period comes from, when there is one. */
  variable?: keyof Config;
  days?: number;
};

/** One stored item of personal data, as it appears in an export: plain JSON, `id` for `_id`. */
export type PersonalRecord = { id: string } & Record<string, unknown>;

export type EraseCounts = { deleted: number; anonymised: number };

/** What a holder gets to find or erase one person's data. */
export type HolderContext = {
  /** Normalised address (`normaliseEmail`). */
  email: string;
  /** Tokens the person holds (manage links, feed tokens), as given; most holders store their hash. */
  tokens: readonly string[];
  /** HMAC of the address with SECRET_KEY, as the suppression list and request log store it. */
  addressHash: string;
  config: Config;
  /** Records of the holders named in `dependsOn`, found before this one runs. */
  linked: ReadonlyMap<string, readonly PersonalRecord[]>;
  /** For erasure: domain locks (FerretDB updates are not atomic) and dropping delayed jobs. */
  redis?: Redis;
  producer?: Producer;
};

/**
 * One collection (or one part of one) that holds personal data. Every model whose paths look
 * like an address must be covered by one of these (see coverage.test.ts), so a new collection
 * cannot slip past access and erasure requests.
 */
export type PersonalDataHolder = {
  /** Stable key, `<domain>.<collection>`; legal holds and request steps refer to it. */
  key: string;
  activity: ActivityKey;
  collection: string;
  /** mongoose model names and the paths in them that hold personal data. */
  models: { model: string; fields: string[] }[];
  category: Text;
  purpose: Text;
  legalBasis: Text;
  source: Text;
  recipients: Text;
  retention: (config: Config) => Retention;
  /** Holders whose records this one needs to find its own (the audit log needs the account ids). */
  dependsOn?: string[];
  /**
   * Runs the same queries whatever the address (no shortcut when a linked list is empty): the
   * self-service request must cost the same for known and unknown addresses.
   */
  find: (ctx: HolderContext) => Promise<PersonalRecord[]>;
  /** Idempotent: a second run finds nothing left to change and returns zeros. */
  erase: (ctx: HolderContext) => Promise<EraseCounts>;
  /** Set when erasure deliberately keeps these records, and why (shown in the answer). */
  keptOnErasure?: Text;
};

/** A schema path that looks like an address but is not a person's (a venue's street address). */
export type NotPersonalPath = { model: string; path: string; why: string };
