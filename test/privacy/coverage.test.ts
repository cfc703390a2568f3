import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { notPersonalPaths, personalDataHolders } from '@qn/privacy';

/**
 * Every mongoose model the system registers, once every workspace is loaded, must have each
 * path that looks like an address covered by a personal-data holder (or declared not personal,
 * with a reason). A new collection holding addresses thus fails here until access and erasure
 * know about it.
 */
const root = join(__dirname, '../..');
const ADDRESS_LIKE =
  /(^|[._])(e-?mail\w*|\w*Email|\w*Emails|to|cc|bcc|replyTo|recipients?|\w*Recipient|address(es)?|\w*Address)$/i;

async function loadEveryWorkspace(): Promise<string[]> {
  const loaded: string[] = [];
  for (const group of ['packages', 'services', 'workers']) {
    for (const name of readdirSync(join(root, group))) {
      const entry = join(root, group, name, 'src', 'index.ts');
      if (!existsSync(entry)) continue;
      await import(entry);
      loaded.push(`${group}/${name}`);
    }
  }
  return loaded;
}

type Walkable = { eachPath(fn: (path: string, type: unknown) => void): unknown };

function pathsOf(schema: Walkable, prefix = ''): string[] {
  const out: string[] = [];
  schema.eachPath((path, type) => {
    out.push(prefix + path);
    const sub = (type as { schema?: Walkable }).schema;
    if (sub) out.push(...pathsOf(sub, `${prefix}${path}.`));
  });
  return out;
}

function covered(model: string, path: string): boolean {
  const byHolder = personalDataHolders.some((h) =>
    h.models.some((m) => m.model === model && m.fields.some((f) => path === f || path.startsWith(`${f}.`))),
  );
  return byHolder || notPersonalPaths.some((n) => n.model === model && n.path === path);
}

describe('personal-data registry', () => {
  it('covers every address-like path of every registered model', async () => {
    const loaded = await loadEveryWorkspace();
    expect(loaded).toEqual(expect.arrayContaining(['packages/auth', 'packages/mail', 'services/smoke']));
    const uncovered: string[] = [];
    for (const name of mongoose.modelNames()) {
      for (const path of pathsOf(mongoose.model(name).schema)) {
        if (ADDRESS_LIKE.test(path) && !covered(name, path)) uncovered.push(`${name}.${path}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('names only models and fields that exist', async () => {
    await loadEveryWorkspace();
    const missing: string[] = [];
    for (const h of personalDataHolders) {
      for (const m of h.models) {
        if (!mongoose.modelNames().includes(m.model)) {
          missing.push(`${h.key}: model ${m.model}`);
          continue;
        }
        const paths = pathsOf(mongoose.model(m.model).schema);
        for (const f of m.fields) {
          if (!paths.some((p) => p === f || p.startsWith(`${f}.`))) missing.push(`${h.key}: ${m.model}.${f}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('recognises the address-like names it is meant to catch', () => {
    for (const p of [
      'email',
      'contactEmail',
      'contact.email',
      'to',
      'recipient',
      'address',
      'venue.address',
      'addressHash',
    ]) {
      expect(`${p}: ${ADDRESS_LIKE.test(p)}`).toBe(`${p}: ${p !== 'addressHash'}`);
    }
  });
});
