import { Registry } from 'prom-client';
import { processRegistry } from './process-registry';

/** The text a Prometheus scrape gets: this process's series plus the app's own registries. */
export async function scrapeMetrics(extra: Registry[] = []): Promise<{ contentType: string; body: string }> {
  const merged = Registry.merge([processRegistry(), ...extra]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
