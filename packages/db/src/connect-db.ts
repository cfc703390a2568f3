import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { detectIndexPolicy, ensureIndexes, setIndexPolicy } from './model-indexes';

// Reject operator injection ({"$gt": ""}) in every filter built from input, and unknown
// filter paths; both are cheaper to enforce once here than in every query.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

export type DbOptions = { url: string; poolSize?: number; logger?: Logger; attempts?: number };

/**
 * Connects the process-wide mongoose connection, retrying with backoff so a service that
 * starts before FerretDB does not crash-loop. FerretDB reports MongoDB 7.0 to the driver.
 */
export async function connectDb({
  url,
  poolSize = 20,
  logger,
  attempts = 30,
}: DbOptions): Promise<typeof mongoose> {
  let delay = 200;
  for (let attempt = 1; ; attempt++) {
    try {
      await mongoose.connect(url, {
        maxPoolSize: poolSize,
        serverSelectionTimeoutMS: 5_000,
        // FerretDB has no sessions; retryable writes would need them.
        retryWrites: false,
        // Indexes are built by `ensureIndexes`, which knows which ones the backend uses.
        autoIndex: false,
      });
      setIndexPolicy(await detectIndexPolicy());
      await ensureIndexes();
      return mongoose;
    } catch (err) {
      if (attempt >= attempts) throw err;
      logger?.warn({ err: (err as Error).message, attempt }, 'database not reachable, retrying');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

export async function pingDb(): Promise<void> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) throw new Error('database not connected');
  await db.admin().command({ ping: 1 });
}

export async function closeDb(): Promise<void> {
  await mongoose.disconnect();
}
