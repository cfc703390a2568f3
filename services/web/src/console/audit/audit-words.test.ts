import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, actionLabel, objectTypeLabel } from './audit-words';

/**
 * Every action and object type the code records by a literal name has words on the audit page;
 * a missing one would show only its raw key to the office.
 */
const ROOT = join(__dirname, '../../../../..');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'test'].includes(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function recorded(re: RegExp): string[] {
  const found = new Set<string>();
  for (const dir of ['services', 'packages', 'workers'])
    for (const file of sources(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      if (!/auditFromRequest|recordAudit/.test(text)) continue;
      for (const m of text.matchAll(re)) found.add(m[1]!);
    }
  return [...found].sort();
}

it('has German and English words for every action recorded by a literal name', () => {
  const actions = recorded(/(?:action: |audit\(req, )'([a-z-]+\.[a-z.-]+)'/g);
  expect(actions.length).toBeGreaterThan(20);
  expect(actions.filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
});

it('has words for every object type recorded by a literal name', () => {
  const types = recorded(/objectType: '([a-z-]+)'/g);
  expect(types.filter((t) => !AUDIT_OBJECT_TYPES[t])).toEqual([]);
});

it('shows an unknown action or type under its raw name', () => {
  expect(actionLabel('de', 'event.publish')).toBe('Veranstaltung veröffentlicht');
  expect(actionLabel('en', 'something.new')).toBe('something.new');
  expect(objectTypeLabel('en', 'thing')).toBe('thing');
});
