import mongoose from 'mongoose';

export type LoggedQuery = { collection: string; method: string; filter: unknown };

/** Driver methods that take a filter first; inserts take none and are always by `_id`. */
const FILTERING = new Set([
  'find',
  'findOne',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'countDocuments',
  'count',
  'distinct',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
  'aggregate',
]);

/**
 * Every filtered query mongoose sends while `fn` runs, as its debug hook sees them. Run only
 * one at a time, and with no workers in the process, so what is logged is `fn`'s alone.
 */
export async function queriesDuring<T>(fn: () => Promise<T>): Promise<{ result: T; queries: LoggedQuery[] }> {
  const queries: LoggedQuery[] = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (FILTERING.has(method)) queries.push({ collection, method, filter: args[0] });
  });
  try {
    return { result: await fn(), queries };
  } finally {
    mongoose.set('debug', false);
  }
}

/**
 * The queries FerretDB 1.24's SQLite handler cannot answer from the `_id` index: anything but a
 * filter of exactly one key, `_id`, holding a string or an ObjectId (`$in` included: it is not
 * pushed down; docs/adr/0007). Collections in `small` (a few hundred documents at most, such as
 * funding programmes) are not counted.
 */
export function notById(queries: LoggedQuery[], small: string[] = []): LoggedQuery[] {
  return queries.filter((q) => {
    if (small.includes(q.collection)) return false;
    if (q.method === 'aggregate') return true;
    const f = q.filter as Record<string, unknown> | undefined;
    if (!f || Object.keys(f).length !== 1) return true;
    return !(typeof f._id === 'string' || f._id instanceof mongoose.Types.ObjectId);
  });
}
