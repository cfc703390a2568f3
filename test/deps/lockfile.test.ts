import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@qn/infra';

/**
 * What the lock file holds is reviewed, not taken on trust: every dependency that wants to run
 * an install script is named in package.json's `allowScripts` (true: allowed, false: refused),
 * so a new one cannot slip in with an update; and every dependency is pinned to one version.
 */
type Lock = { packages: Record<string, { version?: string; link?: boolean; hasInstallScript?: boolean }> };
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  allowScripts: Record<string, boolean>;
};
const installed = Object.entries(lock.packages).filter(
  ([path, p]) => path.includes('node_modules/') && !p.link,
);
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

it('names every dependency with an install script in allowScripts', () => {
  const unreviewed = installed
    .filter(([, p]) => p.hasInstallScript)
    .map(([path]) => nameOf(path))
    .filter((name) => !(name in manifest.allowScripts));
  expect(unreviewed).toEqual([]);
});

it('pins every dependency to an exact version', () => {
  const unpinned = installed.filter(([, p]) => !/^\d+\.\d+\.\d+/.test(p.version ?? '')).map(([path]) => path);
  expect(unpinned).toEqual([]);
});
