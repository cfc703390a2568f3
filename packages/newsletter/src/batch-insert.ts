import type { Model } from 'mongoose';

type Pending<T> = { doc: T; resolve: (r: 'inserted' | 'duplicate') => void; reject: (e: unknown) => void };

/**
 * Group commit for insert-only records. Many concurrent send jobs each insert one claim and
 * one outcome; one `insertMany` per few milliseconds instead of one round trip (and one
 * FerretDB write transaction) per document is what lets a single worker pass ~1,000 mails/s.
 * Each caller still awaits its own document: nothing is acknowledged before it is written.
 * A duplicate `_id` is an answer ('duplicate'), not an error: it is how claims arbitrate.
 */
export class BatchInsert<T extends { _id: string }> {
  private queue: Pending<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing = 0;

  constructor(
    private readonly model: Model<T>,
    private readonly opts: {
      maxBatch?: number;
      maxWaitMs?: number;
      /** Runs after a batch is written, before its callers hear of it. */
      afterInsert?: (inserted: T[]) => Promise<void>;
    } = {},
  ) {}

  insert(doc: T): Promise<'inserted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (this.queue.length >= (this.opts.maxBatch ?? 500)) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.opts.maxWaitMs ?? 15);
    });
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.flushing++;
    try {
      const dupIndexes = new Set<number>();
      try {
        await this.model.collection.insertMany(
          batch.map((p) => p.doc as never),
          { ordered: false },
        );
      } catch (err) {
        const writeErrors = writeErrorsOf(err);
        if (!writeErrors) throw err;
        const other = writeErrors.filter((w) => w.code !== 11000);
        if (other.length) throw err;
        for (const w of writeErrors) dupIndexes.add(w.index);
      }
      if (this.opts.afterInsert)
        await this.opts.afterInsert(batch.filter((_p, i) => !dupIndexes.has(i)).map((p) => p.doc));
      batch.forEach((p, i) => p.resolve(dupIndexes.has(i) ? 'duplicate' : 'inserted'));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.flushing--;
    }
  }
}

type WriteError = { index: number; code: number };

/** The driver reports one write error as an object and several as an array. */
export function writeErrorsOf(err: unknown): WriteError[] | null {
  const e = err as { writeErrors?: WriteError | WriteError[] };
  const list = e?.writeErrors;
  if (Array.isArray(list)) return list.map((w) => ({ index: w.index, code: w.code }));
  if (list && typeof list === 'object') return [{ index: list.index, code: list.code }];
  return null;
}
