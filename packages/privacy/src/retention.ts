import type { Config } from '@qn/config';
import { configNumber } from './records';
import type { Retention, Text } from './types';

/**
 * A retention period taken from a config variable: the text names the days the running system
 * actually uses, and falls back to the given wording while the variable does not exist yet.
 */
export function daysFromConfig(
  config: Config,
  variable: string,
  wording: (days: number) => Text,
  fallback: Text,
): Retention {
  const days = configNumber(config, variable);
  if (days === undefined) return { text: fallback };
  return { text: wording(days), variable: variable as keyof Config, days };
}

export function fixedRetention(text: Text): Retention {
  return { text };
}
