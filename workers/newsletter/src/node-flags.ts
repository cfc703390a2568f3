/**
 * V8 flags the newsletter worker runs with (package.json `start`, infra/docker-compose.yml, the
 * benchmark). Measured with bench/newsletter-throughput (docs/bench/newsletter-throughput.md):
 * at full speed the worker allocates ~70 MB/s of short-lived strings (one rendered, encoded
 * and signed message per mail, ~60 KB of heap each) with ~50 MB live, and V8's default growth
 * lets the old generation run to 2–4 × the live size before it collects, which put RSS at 256–277 MB. A fixed
 * growth factor of 2.5 and 4 MB semi-spaces keep it near 175 MB for ~5 % more worker CPU per mail
 * (a factor of 2: ~155 MB for ~10 %; 4 MB semi-spaces alone: 207–243 MB, not reliably under 250).
 * Heap sizing is fixed when the isolate starts, so these cannot be set from inside the process.
 */
export const NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=150'] as const;

/** The flags missing from this process's command line (logged at start, so a deployment notices). */
export function missingNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return NODE_FLAGS.filter((f) => !execArgv.includes(f));
}
