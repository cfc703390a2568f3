export type EventuallyOptions<T> = {
  /** When the value read counts as reached; by default when it is truthy. */
  until?: (value: T) => boolean;
  timeoutMs?: number;
  intervalMs?: number;
};

/**
 * Reads until the condition holds and returns that value: tests wait for what they need, never
 * for a fixed time. A read that throws (a server still down) counts as not yet; the timeout's
 * error names the condition and the last value or error seen.
 */
export function eventually<T>(
  what: string,
  read: () => T | Promise<T>,
  options: EventuallyOptions<T> & { until: (value: T) => boolean },
): Promise<T>;
export function eventually<T>(
  what: string,
  read: () => T | Promise<T>,
  options?: Omit<EventuallyOptions<T>, 'until'> | number,
): Promise<Exclude<T, undefined | null | false>>;
export async function eventually<T>(
  what: string,
  read: () => T | Promise<T>,
  options: EventuallyOptions<T> | number = {},
): Promise<T> {
  const {
    until = Boolean,
    timeoutMs = 30_000,
    intervalMs = 50,
  } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | undefined;
  for (;;) {
    try {
      const value = await read();
      if (until(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() > deadline) {
      const seen = !last
        ? ''
        : 'error' in last
          ? String(last.error)
          : JSON.stringify(last.value)?.slice(0, 500);
      throw new Error(`${what}: not reached in ${timeoutMs} ms; last: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
