import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { uniqueName } from '@qn/testing';
import { ARCHIVE_VERSION, runBackupCli, runRestoreCli } from './index';

/** Backup → restore round trip on the real FerretDB, compared document by document. */
const { EJSON, ObjectId, Long, Binary } = mongoose.mongo.BSON;
const base = process.env.QN_TEST_MONGODB_URL!;
const srcName = uniqueName('bkpsrc');
const dstName = uniqueName('bkpdst');
const dir = mkdtempSync(join(tmpdir(), 'qn-backup-'));
const archive = join(dir, 'qn.ndjson.gz');
let client: mongoose.mongo.MongoClient;

function io() {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (c: Buffer) => (text += c.toString()));
  return { io: { stdout: new PassThrough(), stderr, stdin: new PassThrough() }, err: () => text };
}

async function dump(dbName: string): Promise<Record<string, string[]>> {
  const db = client.db(dbName);
  const out: Record<string, string[]> = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  for (const n of names) {
    const docs = await db
      .collection(n)
      .find({}, { sort: { _id: 1 } })
      .toArray();
    out[n] = docs.map((d) => EJSON.stringify(d, { relaxed: false }));
  }
  return out;
}

beforeAll(async () => {
  client = new mongoose.mongo.MongoClient(base, { retryWrites: false });
  await client.connect();
  const db = client.db(srcName);
  const people = Array.from({ length: 1_234 }, (_, i) => ({
    _id: new ObjectId(),
    n: i,
    big: Long.fromString(String(9_007_199_254_740_993n + BigInt(i))),
    ratio: i + 0.25,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    name: `Teilnehmerin ${i} – Größe ÄÖÜ ß 🏘️`,
    nested: {
      municipality: 'Nürtingen',
      tags: ['Wohnen', 'Mobilität'],
      deeper: { ok: i % 2 === 0, none: null },
    },
    ref: new ObjectId(),
    blob: new Binary(Buffer.from([0, 1, 2, 255, i % 256])),
  }));
  await db.collection('people').insertMany(people);
  await db.collection('people').createIndex({ n: 1 }, { unique: true, name: 'n_unique' });
  await db.collection('ledger').insertMany([
    { _id: 'registration-confirmed:abc' as never, status: 'sent', sentAt: new Date() },
    { _id: 'smoke:1' as never, status: 'sending' },
  ]);
  await db.createCollection('empty_one');
});
afterAll(async () => {
  await client.db(srcName).dropDatabase();
  await client.db(dstName).dropDatabase();
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every document exactly (ObjectIds, Dates, Int64, binary, nested) and the indexes', async () => {
    const b = io();
    expect(await runBackupCli(['--out', archive], { MONGODB_URL: `${base}/${srcName}` }, b.io)).toBe(0);
    expect(existsSync(`${archive}.partial`)).toBe(false);
    const lines = gunzipSync(readFileSync(archive)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'quartiersnetz-backup', version: ARCHIVE_VERSION });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, collections: 3, documents: 1_236 });

    const r = io();
    const code = await runRestoreCli(['--in', archive], { MONGODB_URL: `${base}/${dstName}` }, r.io);
    expect(code).toBe(0);
    expect(r.err()).toContain('1236 documents');
    const [src, dst] = [await dump(srcName), await dump(dstName)];
    expect(Object.keys(dst)).toEqual(['empty_one', 'ledger', 'people']);
    expect(dst.people).toHaveLength(1_234);
    expect(dst).toEqual(src);
    const first = await client.db(dstName).collection('people').findOne({ n: 7 });
    expect(first!._id).toBeInstanceOf(ObjectId);
    expect(first!.at).toBeInstanceOf(Date);
    expect(first!.big).toEqual(Long.fromString('9007199254741000'));
    const idx = await client.db(dstName).collection('people').indexes();
    expect(idx.find((i) => i.name === 'n_unique')).toMatchObject({ unique: true, key: { n: 1 } });
  });

  it('refuses a non-empty database unless --force, which replaces the archived collections', async () => {
    await client
      .db(dstName)
      .collection('people')
      .updateOne({ n: 1 }, { $set: { name: 'changed' } });
    const refused = io();
    expect(await runRestoreCli(['--in', archive], { MONGODB_URL: `${base}/${dstName}` }, refused.io)).toBe(2);
    expect(refused.err()).toMatch(/not empty/);
    expect((await client.db(dstName).collection('people').findOne({ n: 1 }))!.name).toBe('changed');

    const forced = io();
    expect(
      await runRestoreCli(['--in', archive, '--force'], { MONGODB_URL: `${base}/${dstName}` }, forced.io),
    ).toBe(0);
    expect(await dump(dstName)).toEqual(await dump(srcName));
  });

  it('rejects a truncated archive and one of an unknown version', async () => {
    const lines = gunzipSync(readFileSync(archive)).toString('utf8').split('\n');
    const cut = join(dir, 'cut.ndjson.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, 500).join('\n') + '\n'));
    const a = io();
    expect(await runRestoreCli(['--in', cut], { MONGODB_URL: `${base}/${uniqueName('bkpcut')}` }, a.io)).toBe(
      1,
    );
    expect(a.err()).toMatch(/incomplete/);

    const future = join(dir, 'future.ndjson.gz');
    const header = { ...JSON.parse(lines[0]!), version: ARCHIVE_VERSION + 1 };
    writeFileSync(future, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    const b = io();
    expect(
      await runRestoreCli(['--in', future], { MONGODB_URL: `${base}/${uniqueName('bkpfut')}` }, b.io),
    ).toBe(1);
    expect(b.err()).toMatch(/version 2 is not supported/);
  });

  it('names a missing argument or a bad MONGODB_URL', async () => {
    const a = io();
    expect(await runBackupCli([], { MONGODB_URL: `${base}/${srcName}` }, a.io)).toBe(64);
    const b = io();
    expect(await runBackupCli(['--out', join(dir, 'x.gz')], { MONGODB_URL: 'postgres://x' }, b.io)).toBe(1);
    expect(b.err()).toMatch(/MONGODB_URL|mongodb:\/\//);
  });
});
