import mongoose, { Schema } from 'mongoose';
import { connectDb, defineModel, ensureIndexes, indexPolicy, isDuplicateKeyError } from '@qn/db';
import { testConfig, uniqueName } from '@qn/testing';

/**
 * Which indexes the backend gets (docs/adr/0002): on FerretDB 1.x, which answers no query
 * from a secondary index, only the unique ones, which are what keeps concurrent writers
 * apart; every declared index elsewhere. Runs against the FerretDB the suite uses.
 */
const config = testConfig(uniqueName('indexes'));

type Doc = { _id: string; key: string; tag: string; at: Date };
const schema = new Schema<Doc>(
  {
    _id: String,
    key: { type: String, required: true, unique: true },
    tag: { type: String, index: true },
    at: Date,
  },
  { versionKey: false, collection: 'index_policy_probe' },
);
schema.index({ tag: 1, at: -1 });
const Probe = defineModel<Doc>('IndexPolicyProbe', schema);

const names = async () => (await Probe.collection.indexes()).map((i) => i.name).sort();

beforeAll(() => connectDb({ url: config.MONGODB_URL, poolSize: 5 }));
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

describe('index policy', () => {
  it('builds only the unique indexes on FerretDB 1.x', async () => {
    expect(indexPolicy()).toBe('unique-only');
    expect(await names()).toEqual(['_id_', 'key_1']);
  });

  it('keeps the unique index effective under concurrent inserts', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        Probe.create({ _id: `p${i}`, key: 'same', tag: 't', at: new Date() }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(isDuplicateKeyError(r.reason)).toBe(true);
  });

  it('gives a model registered after connecting its indexes, and rebuilds them after a drop', async () => {
    const Late = defineModel<Doc>(
      'IndexPolicyLate',
      new Schema<Doc>(
        { _id: String, key: { type: String, unique: true }, tag: { type: String, index: true }, at: Date },
        { versionKey: false, collection: 'index_policy_late' },
      ),
    );
    for (let i = 0; i < 250 && (await Late.collection.indexes().catch(() => [])).length < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await Late.collection.indexes()).map((i) => i.name).sort()).toEqual(['_id_', 'key_1']);

    await mongoose.connection.dropDatabase();
    await ensureIndexes();
    expect(await names()).toEqual(['_id_', 'key_1']);
  });
});
