import { configSchema, type Config } from './schema';

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; the result is passed down, nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const crossField = productionIssues(parsed.data);
  if (crossField.length) throw new ConfigError(crossField);
  return Object.freeze(parsed.data);
}

/**
 * What production needs beyond each variable on its own: one-click unsubscribe (RFC 8058)
 * and the session cookie's `__Host-` prefix both need the public origin on https.
 */
function productionIssues(c: Config): { variable: string; message: string }[] {
  if (c.NODE_ENV !== 'production') return [];
  return new URL(c.PUBLIC_URL).protocol === 'https:'
    ? []
    : [{ variable: 'PUBLIC_URL', message: 'must be https when NODE_ENV=production' }];
}

/** For entry points: print every bad variable by name and exit instead of throwing a stack. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
