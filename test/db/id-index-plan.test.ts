import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { ensureFerretDbBinary, startFerretDb, type FerretDb } from '@qn/infra';

/**
 * The project's FerretDB build answers a lookup by `_id` from the unique index instead of
 * reading the whole table (infra/ferretdb/, docs/adr/0007). Proved without timings: the
 * binary writes `_id` filters with the expression SQLite matches to that index, and SQLite's
 * own query plan for that SQL, on the file FerretDB wrote, says SEARCH … USING INDEX. And
 * results stay what they were.
 */
const PATCHED = "_ferretdb_sjson->'_id'";
let ferret: FerretDb;
let stateDir: string;
let conn: mongoose.Connection;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'qn-id-plan-'));
  ferret = await startFerretDb({ stateDir });
  conn = await mongoose.createConnection(`${ferret.url}/idplan`).asPromise();
});
afterAll(async () => {
  await conn?.close();
  await ferret?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

function sqlite(file: string, sql: string): string {
  return execFileSync('sqlite3', ['-readonly', file, sql], { encoding: 'utf8' });
}

it('writes _id filters as the expression of the unique _id index, and SQLite uses the index', async () => {
  const binary = readFileSync(ensureFerretDbBinary());
  expect(binary.includes(Buffer.from(PATCHED))).toBe(true);

  const docs = conn.collection('things');
  await docs.insertMany(
    Array.from({ length: 500 }, (_, i) => ({ _id: `thing-${i}` as never, n: i, tag: i % 7 })),
  );
  const file = join(
    stateDir,
    'sqlite',
    readdirSync(join(stateDir, 'sqlite')).find((f) => f.startsWith('idplan'))!,
  );
  const table = sqlite(file, "SELECT table_name FROM _ferretdb_collections WHERE name = 'things'").trim();
  expect(table).not.toBe('');
  const plan = (expr: string) =>
    sqlite(file, `EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM "${table}" WHERE ${expr} = '"thing-42"'`);
  expect(plan(PATCHED)).toMatch(/SEARCH .* USING INDEX/);
  // What the unpatched build wrote: a scan of every row.
  expect(plan("_ferretdb_sjson->'$._id'")).toMatch(/SCAN/);
});

it('answers as before: by _id, by other fields, updates, deletes, and a duplicate _id still fails', async () => {
  const docs = conn.collection<{ _id: string; n: number; tag?: number }>('things');
  expect(await docs.findOne({ _id: 'thing-42' })).toEqual({ _id: 'thing-42', n: 42, tag: 0 });
  expect(await docs.findOne({ _id: 'thing-missing' })).toBeNull();
  expect(await docs.countDocuments({ tag: 3 })).toBe(71);
  expect((await docs.updateOne({ _id: 'thing-43' }, { $set: { n: -43 } })).modifiedCount).toBe(1);
  expect((await docs.findOne({ _id: 'thing-43' }))!.n).toBe(-43);
  expect((await docs.deleteOne({ _id: 'thing-44' })).deletedCount).toBe(1);
  expect(await docs.findOne({ _id: 'thing-44' })).toBeNull();
  await expect(docs.insertOne({ _id: 'thing-42', n: 0 })).rejects.toMatchObject({ code: 11000 });
  const oid = new mongoose.Types.ObjectId();
  const objects = conn.collection('objects');
  await objects.insertOne({ _id: oid, v: 1 });
  expect((await objects.findOne({ _id: oid }))!.v).toBe(1);
});
