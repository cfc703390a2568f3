import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import { withRedisLock, type Producer } from '@qn/queue';
import { AppError } from '@qn/domain';
import { suppressAddress } from '@qn/mail';
import { baseContext, findWithLinks } from './find-linked';
import { legalHoldsOf, type LegalHold } from './legal-holds';
import { PrivacyRequest, type PrivacyRequestDoc, type RequestStep } from './privacy-request';
import { holderByKey, personalDataHolders } from './registry';
import type { PersonalRecord, Text } from './types';

export type ErasureDeps = {
  config: Config;
  /** Serialises runs for one request across processes, and lets holders take domain locks. */
  redis?: Redis;
  /** Lets holders drop delayed jobs of what they erase (event reminders). */
  producer?: Producer;
  /** Called before each step; tests throw from it to simulate a crash halfway. */
  beforeStep?: (step: string) => void | Promise<void>;
};

export type ErasureResult = {
  requestId: string;
  status: 'completed';
  requestedAt: string;
  completedAt: string;
  /** What each holder changed: records deleted, records kept with the personal fields removed. */
  erased: { holder: string; category: Text; deleted: number; anonymised: number }[];
  /** The address is on the suppression list as an HMAC, so no list mails it again. */
  suppressed: true;
  /** Kept because the office configured a legal obligation (PRIVACY_LEGAL_HOLDS). */
  keptByLaw: LegalHold[];
  /** Kept by design, each with the reason: only hashes, never the address. */
  keptOnPurpose: { holder: string; category: Text; why: Text }[];
};

export const SUPPRESS_STEP = 'suppress';

/** Step names in run order: suppression first (nothing may mail the person while it runs), then
 * every holder in reverse registry order (dependents before the holders they look up). */
export function erasureSteps(): string[] {
  return [SUPPRESS_STEP, ...[...personalDataHolders].reverse().map((h) => h.key)];
}

/**
 * Runs (or resumes) the erasure recorded in `requestId` for `email`. Each finished step is
 * recorded on the request with its counts; a rerun after a crash skips those and does the rest,
 * so it ends with the same result and no error. A run on a completed request just returns it.
 */
export async function runErasure(
  requestId: string,
  email: string,
  deps: ErasureDeps,
): Promise<ErasureResult> {
  if (!deps.redis) return runSteps(requestId, email, deps);
  // Renewed while the run lives, so a long erasure keeps it and a crashed one frees it in 30 s.
  return withRedisLock(
    deps.redis,
    `${deps.config.QUEUE_PREFIX}:privacy:erasure:${requestId}`,
    () => runSteps(requestId, email, deps),
    {
      ttlMs: 30_000,
      renew: true,
      waitMs: 0,
      busyCode: 'conflict',
      busyMessage: 'Diese Löschung läuft bereits.',
    },
  );
}

async function runSteps(requestId: string, email: string, deps: ErasureDeps): Promise<ErasureResult> {
  const request = await PrivacyRequest.findById(requestId).lean();
  if (!request || request.kind !== 'erasure') throw AppError.notFound();
  if (request.status === 'completed') return resultOf(request, deps.config);
  const holds = new Set(legalHoldsOf(deps.config).map((h) => h.holder));
  const done = new Set(request.steps.map((s) => s.name));
  const base = baseContext({ email }, deps.config, { redis: deps.redis, producer: deps.producer });
  for (const name of erasureSteps()) {
    if (done.has(name)) continue;
    await deps.beforeStep?.(name);
    let step: RequestStep;
    if (name === SUPPRESS_STEP) {
      await suppressAddress(email, 'erased', deps.config.SECRET_KEY);
      step = { name, at: new Date(), deleted: 0, anonymised: 0 };
    } else if (holds.has(name)) {
      step = { name, at: new Date(), deleted: 0, anonymised: 0, kept: true };
    } else {
      const holder = holderByKey(name)!;
      // A fresh lookup per step: the holders this one depends on are erased after it.
      const ctx = await findWithLinks(holder, base, new Map<string, PersonalRecord[]>());
      step = { name, at: new Date(), ...(await holder.erase(ctx)) };
    }
    await PrivacyRequest.updateOne({ _id: request._id }, { $push: { steps: step } });
  }
  const completedAt = new Date();
  await PrivacyRequest.updateOne(
    { _id: request._id },
    {
      $set: { status: 'completed', outcome: 'erased', completedAt },
      $unset: { sealedAddress: 1, tokenHash: 1 },
    },
  );
  const final = await PrivacyRequest.findById(request._id).lean();
  return resultOf(final!, deps.config);
}

/** The answer, rebuilt from what the request recorded: identical however many runs it took. */
export function resultOf(request: PrivacyRequestDoc, config: Config): ErasureResult {
  const first = new Map<string, RequestStep>();
  for (const s of request.steps) if (!first.has(s.name)) first.set(s.name, s);
  const holders = personalDataHolders.filter((h) => first.has(h.key));
  return {
    requestId: String(request._id),
    status: 'completed',
    requestedAt: request.requestedAt.toISOString(),
    completedAt: (request.completedAt ?? new Date()).toISOString(),
    erased: holders
      .filter((h) => !first.get(h.key)!.kept && !h.keptOnErasure)
      .map((h) => ({
        holder: h.key,
        category: h.category,
        deleted: first.get(h.key)!.deleted,
        anonymised: first.get(h.key)!.anonymised,
      })),
    suppressed: true,
    keptByLaw: legalHoldsOf(config).filter((h) => first.get(h.holder)?.kept),
    keptOnPurpose: holders
      .filter((h) => h.keptOnErasure)
      .map((h) => ({ holder: h.key, category: h.category, why: h.keptOnErasure! })),
  };
}
