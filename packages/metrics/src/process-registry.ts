import { Registry, collectDefaultMetrics } from 'prom-client';

let registry: Registry | undefined;

/**
 * The one registry of this process: Node's own metrics (CPU, memory, event-loop lag, GC) and
 * every counter a package defines here, so a worker's counts show up wherever `/metrics` is
 * served from the same process. Per-app series (queue gauges) live in their own registry and
 * are merged at scrape time, so two apps in one test process never clash over a name.
 */
export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'qn_' });
  }
  return registry;
}
