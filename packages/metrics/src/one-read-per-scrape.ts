/**
 * prom-client collects all metrics of a scrape concurrently; gauges fed by one source share
 * one read of it per scrape instead of each querying Redis or the database. A failed read
 * gives `fallback`, so the scrape still answers.
 */
export function oneReadPerScrape<T>(read: () => Promise<T>, fallback: T): () => Promise<T> {
  let inflight: Promise<T> | undefined;
  return () =>
    (inflight ??= read()
      .catch(() => fallback)
      .finally(() => setTimeout(() => (inflight = undefined), 0)));
}
