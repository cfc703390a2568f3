import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** One workspace as the layering sees it: where it lives and what it depends on. */
export type Workspace = { name: string; dir: string; dependsOn: string[] };

const LAYERS = ['packages', 'services', 'workers'] as const;

/**
 * Domain packages hold models and rules only (docs/architecture.md, "Layering"): HTTP and
 * queues stay in the shells and in @qn/queue.
 */
export const DOMAIN_PACKAGES = ['events', 'funding', 'newsletter', 'calendar', 'privacy', 'domain'];
const TRANSPORTS = ['express', 'bullmq'];

/** Every workspace under packages/, services/ and workers/, with its declared dependencies. */
export function readWorkspaces(root: string): Workspace[] {
  const out: Workspace[] = [];
  for (const layer of LAYERS) {
    for (const entry of readdirSync(join(root, layer))) {
      const file = join(root, layer, entry, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      out.push({
        name: pkg.name,
        dir: `${layer}/${entry}`,
        dependsOn: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }),
      });
    }
  }
  return out;
}

const layerOf = (w: Workspace) => w.dir.slice(0, w.dir.indexOf('/'));

/** Every breach of the layering, one sentence each; empty when the graph is sound. */
export function boundaryViolations(workspaces: Workspace[]): string[] {
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  const problems: string[] = [];
  for (const w of workspaces) {
    const layer = layerOf(w);
    for (const dep of w.dependsOn) {
      const target = byName.get(dep);
      if (!target) {
        if (
          layer === 'packages' &&
          DOMAIN_PACKAGES.includes(w.dir.slice('packages/'.length)) &&
          TRANSPORTS.includes(dep)
        )
          problems.push(`${w.name} (a domain package) depends on ${dep}`);
        continue;
      }
      const to = layerOf(target);
      if (layer === 'packages' && to !== 'packages')
        problems.push(`${w.name} (a package) depends on ${dep} (${to})`);
      if (layer === 'workers' && to === 'services')
        problems.push(`${w.name} (a worker) depends on ${dep} (a service)`);
    }
  }
  for (const cycle of cycles(workspaces)) problems.push(`cycle: ${cycle.join(' → ')}`);
  return problems;
}

/** Each cycle among workspaces once, as the path that closes it. */
function cycles(workspaces: Workspace[]): string[][] {
  const names = new Set(workspaces.map((w) => w.name));
  const edges = new Map(workspaces.map((w) => [w.name, w.dependsOn.filter((d) => names.has(d))]));
  const done = new Set<string>();
  const found: string[][] = [];
  const path: string[] = [];
  const visit = (name: string) => {
    const at = path.indexOf(name);
    if (at >= 0) {
      found.push([...path.slice(at), name]);
      return;
    }
    if (done.has(name)) return;
    path.push(name);
    for (const dep of edges.get(name) ?? []) visit(dep);
    path.pop();
    done.add(name);
  };
  for (const name of names) visit(name);
  return found;
}
