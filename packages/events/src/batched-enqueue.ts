import type { EnqueueOptions, PayloadOf, Producer } from '@qn/queue';

type Pending = {
  payload: PayloadOf<'mail.send'>;
  opts?: EnqueueOptions;
  resolve: () => void;
  reject: (err: unknown) => void;
};

const pending = new WeakMap<Producer, Pending[]>();

/**
 * Mails enqueued in the same turn of the event loop travel to Redis as one `addBulk` (one
 * pipelined round trip instead of one per mail): under a registration burst this halves the
 * Redis writes of the hot path. Each caller still waits until its own mail is in Redis, so a
 * request never answers before its side effect is queued.
 */
export function enqueueMailBatched(
  producer: Producer,
  payload: PayloadOf<'mail.send'>,
  opts?: EnqueueOptions,
): Promise<void> {
  let batch = pending.get(producer);
  if (!batch) {
    batch = [];
    pending.set(producer, batch);
    setImmediate(() => void flush(producer));
  }
  const items = batch;
  return new Promise((resolve, reject) => items.push({ payload, opts, resolve, reject }));
}

async function flush(producer: Producer): Promise<void> {
  const batch = pending.get(producer) ?? [];
  pending.delete(producer);
  try {
    await producer.enqueueBulk(
      'mail.send',
      batch.map((b) => ({ payload: b.payload, opts: b.opts })),
    );
    for (const b of batch) b.resolve();
  } catch (err) {
    for (const b of batch) b.reject(err);
  }
}
