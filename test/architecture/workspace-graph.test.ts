import { repoRoot } from '@qn/infra';
import { boundaryViolations, readWorkspaces, type Workspace } from './workspace-graph';

const ws = (dir: string, ...dependsOn: string[]): Workspace => ({
  name: `@qn/${dir.replace('/', '-')}`,
  dir,
  dependsOn,
});

it('the workspaces of this repository keep the layering and have no cycles', () => {
  const workspaces = readWorkspaces(repoRoot);
  expect(workspaces.length).toBeGreaterThan(20);
  expect(boundaryViolations(workspaces)).toEqual([]);
});

describe('the check fails on', () => {
  it('a package depending on a service or a worker', () => {
    const found = boundaryViolations([
      ws('packages/seed', '@qn/services-events'),
      ws('services/events'),
      ws('packages/runtime', '@qn/workers-mailer'),
      ws('workers/mailer'),
    ]);
    expect(found).toEqual([
      '@qn/packages-seed (a package) depends on @qn/services-events (services)',
      '@qn/packages-runtime (a package) depends on @qn/workers-mailer (workers)',
    ]);
  });

  it('a worker depending on a service', () => {
    expect(
      boundaryViolations([ws('workers/alerts', '@qn/services-funding'), ws('services/funding')]),
    ).toEqual(['@qn/workers-alerts (a worker) depends on @qn/services-funding (a service)']);
  });

  it('a domain package depending on express or bullmq, while a shell package may', () => {
    expect(
      boundaryViolations([
        ws('packages/events', 'express'),
        ws('packages/privacy', 'bullmq'),
        ws('packages/queue', 'bullmq'),
      ]),
    ).toEqual([
      '@qn/packages-events (a domain package) depends on express',
      '@qn/packages-privacy (a domain package) depends on bullmq',
    ]);
  });

  it('a cycle between workspaces', () => {
    const found = boundaryViolations([
      ws('packages/events', '@qn/packages-calendar'),
      ws('packages/calendar', '@qn/packages-funding'),
      ws('packages/funding', '@qn/packages-events'),
    ]);
    expect(found).toEqual([
      'cycle: @qn/packages-events → @qn/packages-calendar → @qn/packages-funding → @qn/packages-events',
    ]);
  });
});
