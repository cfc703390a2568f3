import type { Redis } from 'ioredis';
import type { StoredMatch } from '../models/subscription';

/** Where the index lives: the Redis connection and the deployment's queue prefix. */
export type MatchIndex = { redis: Redis; prefix: string };

export const DIMENSIONS = [
  'fieldsOfAction',
  'applicantTypes',
  'municipalities',
  'providers',
] as const satisfies readonly (keyof StoredMatch)[];
export type Dimension = (typeof DIMENSIONS)[number];

const base = (ix: MatchIndex) => `${ix.prefix}:funding:match-index`;

/**
 * The version key: the generation the matchers read. Missing (Redis restarted without
 * persistence, keys flushed) means "no index": the next matcher or worker start rebuilds.
 */
export const generationKey = (ix: MatchIndex) => `${base(ix)}:generation`;
export const sequenceKey = (ix: MatchIndex) => `${base(ix)}:sequence`;
export const lockKey = (ix: MatchIndex) => `${base(ix)}:lock`;
export const generationPattern = (ix: MatchIndex) => `${base(ix)}:g*`;
export const generationPrefix = (ix: MatchIndex, gen: string) => `${base(ix)}:g${gen}:`;
/** Ids of the confirmed subscriptions naming `value` in `dim` (`*`: the dimension left open). */
export const valueKey = (ix: MatchIndex, gen: string, dim: Dimension, value: string) =>
  `${generationPrefix(ix, gen)}${dim}:${value}`;
export const remindersKey = (ix: MatchIndex, gen: string) => `${generationPrefix(ix, gen)}reminders`;
/** Hash: subscription id → JSON IndexedState. */
export const stateKey = (ix: MatchIndex, gen: string) => `${generationPrefix(ix, gen)}state`;
export const tempPrefix = (ix: MatchIndex) => `${base(ix)}:tmp:`;

/**
 * The index lock guards applying changes and rebuilding (25 s for 100k here). Renewed while
 * its holder runs, so a crashed holder blocks the index for at most this long.
 */
export const LOCK_TTL_MS = 30_000;
/** How long a rebuild waits for another holder (a rebuild of a large index) by default. */
export const LOCK_WAIT_MS = 15 * 60_000;
/** A replaced generation stays readable this long for matchers that started on it. */
export const OLD_GENERATION_TTL_S = 3600;

export const INDEX_BUSY = 'Der Abgleichsindex wird gerade neu aufgebaut.';
