import type { Config } from '@qn/config';
import { AppError } from '@qn/domain';
import { holderByKey } from './registry';
import type { Text } from './types';

export type LegalHold = { holder: string; category: Text; reason: string };

/**
 * What the office configured as kept by law (PRIVACY_LEGAL_HOLDS, empty by default). A hold
 * naming no registered holder is a configuration mistake that would silently keep nothing:
 * the privacy service refuses to start with it.
 */
export function legalHoldsOf(config: Config): LegalHold[] {
  return config.PRIVACY_LEGAL_HOLDS.map((h) => {
    const holder = holderByKey(h.holder);
    if (!holder) {
      throw new AppError('unavailable', `PRIVACY_LEGAL_HOLDS names an unknown holder: ${h.holder}`);
    }
    return { holder: h.holder, category: holder.category, reason: h.reason };
  });
}
