import mongoose, { type Model } from 'mongoose';

/**
 * Which of a schema's indexes the database gets. FerretDB 1.x (its SQLite handler, what runs
 * here) never uses an index to answer a query: it filters an `_id` equality inside SQLite and
 * every other field in Go, index or not (docs/adr/0002). There a non-unique index is pure write
 * cost (the alert inserts of a funding fan-out ran 1.4 times faster without the four on
 * `funding_alerts`), while a unique one is the only thing that holds under concurrency. So on
 * FerretDB 1.x only unique indexes are built; on MongoDB every declared one.
 */
export type IndexPolicy = 'all' | 'unique-only';

let policy: IndexPolicy | undefined;

/** FerretDB answers `buildInfo` with its own version beside the MongoDB one it emulates. */
export function indexPolicyOf(buildInfo: { ferretdbVersion?: string }): IndexPolicy {
  return /^v?1\./.test(buildInfo.ferretdbVersion ?? '') ? 'unique-only' : 'all';
}

export async function detectIndexPolicy(): Promise<IndexPolicy> {
  return indexPolicyOf(await mongoose.connection.db!.admin().command({ buildInfo: 1 }));
}

/** The policy of the connected database; undefined before `connectDb`. */
export function indexPolicy(): IndexPolicy | undefined {
  return policy;
}

export function setIndexPolicy(p: IndexPolicy): void {
  policy = p;
}

/** Creates the collection and the indexes the policy wants; idempotent. */
export async function createModelIndexes(model: Model<never>, p: IndexPolicy): Promise<void> {
  await model.createCollection().catch((err: { codeName?: string }) => {
    if (err.codeName !== 'NamespaceExists') throw err;
  });
  for (const [fields, options] of model.schema.indexes()) {
    if (p === 'unique-only' && !options.unique) continue;
    await model.collection.createIndex(fields as never, options as never);
  }
}

/**
 * (Re)creates the indexes of every registered model, as connecting does; for a process that
 * dropped its database and goes on using it (tests, benchmarks).
 */
export async function ensureIndexes(): Promise<void> {
  const p = policy ?? (await detectIndexPolicy());
  await Promise.all(Object.values(mongoose.connection.models).map((m) => createModelIndexes(m as never, p)));
}
