import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import mongoose from 'mongoose';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader, type IndexSpec } from './archive-format';

type Db = mongoose.mongo.Db;
const { EJSON } = mongoose.mongo.BSON;

export type BackupResult = { collections: number; documents: number };

/** Every user collection, sorted by name (system.* and views are left out). */
export async function userCollections(db: Db): Promise<string[]> {
  const list = await db.listCollections({}, { nameOnly: true }).toArray();
  return list
    .filter((c) => (c.type ?? 'collection') === 'collection' && !c.name.startsWith('system.'))
    .map((c) => c.name)
    .sort();
}

/**
 * Writes every collection of `db` to `out` as one gzip-compressed archive. Documents are
 * read with a cursor and written through the stream's backpressure, so memory stays flat
 * whatever the size of the database.
 */
export async function backupDatabase(db: Db, out: Writable): Promise<BackupResult> {
  const result: BackupResult = { collections: 0, documents: 0 };
  async function* lines(): AsyncGenerator<string> {
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      database: db.databaseName,
    };
    yield JSON.stringify(header) + '\n';
    for (const name of await userCollections(db)) {
      const coll = db.collection(name);
      const indexes = (await coll.indexes()).map(({ v: _v, ns: _ns, ...spec }) => spec as IndexSpec);
      yield JSON.stringify({ collection: name, indexes }) + '\n';
      result.collections++;
      // Sorted by _id so two backups of the same data are the same bytes (diffable, testable).
      const cursor = coll.find({}, { sort: { _id: 1 }, batchSize: 1000 });
      for await (const doc of cursor) {
        yield EJSON.stringify({ collection: name, document: doc }, { relaxed: false }) + '\n';
        result.documents++;
      }
    }
    yield JSON.stringify({ end: true, ...result }) + '\n';
  }
  await pipeline(Readable.from(lines()), createGzip(), out);
  return result;
}
