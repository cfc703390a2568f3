import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import mongoose from 'mongoose';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveHeader,
  type CollectionLine,
  type DocumentLine,
  type EndLine,
} from './archive-format';
import { userCollections } from './backup-database';

type Db = mongoose.mongo.Db;
const { EJSON } = mongoose.mongo.BSON;

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export type RestoreResult = { collections: number; documents: number };

/** Collections of `db` that hold at least one document. */
export async function nonEmptyCollections(db: Db): Promise<string[]> {
  const out: string[] = [];
  for (const name of await userCollections(db)) {
    if (await db.collection(name).findOne({}, { projection: { _id: 1 } })) out.push(name);
  }
  return out;
}

/** Splits a byte stream into lines, one object per line, with the stream's backpressure. */
function lineSplitter(): Transform {
  let rest = '';
  // A chunk may end inside a multi-byte character; the decoder holds the partial bytes back.
  const decoder = new StringDecoder('utf8');
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, cb) {
      const parts = (rest + decoder.write(chunk)).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) if (p.length) this.push(p);
      cb();
    },
    flush(cb) {
      rest += decoder.end();
      if (rest.length) this.push(rest);
      cb();
    },
  });
}

/**
 * Restores an archive written by `backupDatabase` into `db`. Refuses a database that holds
 * any document unless `force`, which drops each collection the archive contains before
 * restoring it (others are left alone). Inserts in batches; indexes first, so a restored
 * collection has its unique indexes before the documents arrive.
 */
export async function restoreDatabase(
  db: Db,
  input: Readable,
  opts: { force?: boolean; batchSize?: number } = {},
): Promise<RestoreResult> {
  if (!opts.force) {
    const full = await nonEmptyCollections(db);
    if (full.length > 0) {
      throw new RestoreRefused(
        `database ${db.databaseName} is not empty (${full.join(', ')}); restore into an empty one or use --force`,
      );
    }
  }
  const batchSize = opts.batchSize ?? 500;
  const result: RestoreResult = { collections: 0, documents: 0 };
  let lineNo = 0;
  let header: ArchiveHeader | undefined;
  let end: EndLine | undefined;
  let current: string | undefined;
  let batch: Record<string, unknown>[] = [];

  const flush = async () => {
    if (!current || batch.length === 0) return;
    const docs = batch;
    batch = [];
    await db.collection(current).insertMany(docs, { ordered: true });
    result.documents += docs.length;
  };

  const sink = new Writable({
    objectMode: true,
    write(line: string, _enc, cb) {
      handle(line).then(() => cb(), cb);
    },
    final(cb) {
      flush().then(() => cb(), cb);
    },
  });

  async function handle(line: string): Promise<void> {
    lineNo++;
    if (end) throw new Error(`line ${lineNo}: data after the end marker`);
    if (lineNo === 1) {
      header = JSON.parse(line) as ArchiveHeader;
      if (header.format !== ARCHIVE_FORMAT) throw new Error('not a Quartiersnetz backup archive');
      if (header.version !== ARCHIVE_VERSION) {
        throw new Error(
          `archive format version ${header.version} is not supported (this build reads ${ARCHIVE_VERSION})`,
        );
      }
      return;
    }
    const parsed = EJSON.parse(line, { relaxed: false }) as Partial<CollectionLine & DocumentLine & EndLine>;
    if (parsed.end === true) {
      await flush();
      end = parsed as EndLine;
      return;
    }
    if (parsed.document !== undefined) {
      if (parsed.collection !== current) throw new Error(`line ${lineNo}: document outside its collection`);
      batch.push(parsed.document);
      if (batch.length >= batchSize) await flush();
      return;
    }
    if (parsed.collection !== undefined && parsed.indexes !== undefined) {
      await flush();
      current = parsed.collection;
      if (opts.force)
        await db
          .collection(current)
          .drop()
          .catch(() => false);
      await db.createCollection(current).catch((err: { codeName?: string }) => {
        if (err.codeName !== 'NamespaceExists') throw err;
      });
      const specs = parsed.indexes.filter((i) => i.name !== '_id_');
      if (specs.length) {
        await db
          .collection(current)
          .createIndexes(specs.map(({ key, ...rest }) => ({ ...rest, key })) as never);
      }
      result.collections++;
      return;
    }
    throw new Error(`line ${lineNo}: not an archive line`);
  }

  await pipeline(input, createGunzip(), lineSplitter(), sink);
  if (!header) throw new Error('archive is empty');
  if (!end)
    throw new Error('archive is incomplete (no end marker): it was cut off while being written or copied');
  // Parsed as canonical EJSON, the counts come back as Int32 objects: compare as numbers.
  if (Number(end.documents) !== result.documents || Number(end.collections) !== result.collections) {
    throw new Error(
      `archive says ${end.collections} collections / ${end.documents} documents, restored ${result.collections} / ${result.documents}`,
    );
  }
  return result;
}
