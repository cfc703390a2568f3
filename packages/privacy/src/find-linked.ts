import type { Config } from '@qn/config';
import { addressHash } from '@qn/mail';
import { holderByKey } from './registry';
import type { HolderContext, PersonalDataHolder, PersonalRecord } from './types';

export type Subject = { email: string; tokens?: readonly string[] };

export function baseContext(
  subject: Subject,
  config: Config,
  extra: Pick<HolderContext, 'redis' | 'producer'> = {},
): Omit<HolderContext, 'linked'> {
  return {
    ...extra,
    email: subject.email,
    tokens: subject.tokens ?? [],
    addressHash: addressHash(subject.email, config.SECRET_KEY),
    config,
  };
}

/**
 * Finds a holder's records, first finding (once per run, memoised) the records of the holders
 * it depends on, so the context it gets is complete whatever order the caller runs in.
 */
export async function findWithLinks(
  holder: PersonalDataHolder,
  base: Omit<HolderContext, 'linked'>,
  memo: Map<string, PersonalRecord[]>,
): Promise<HolderContext & { records: PersonalRecord[] }> {
  const linked = new Map<string, PersonalRecord[]>();
  for (const key of holder.dependsOn ?? []) {
    const dep = holderByKey(key);
    if (!dep) continue;
    if (!memo.has(key)) memo.set(key, (await findWithLinks(dep, base, memo)).records);
    linked.set(key, memo.get(key)!);
  }
  const ctx: HolderContext = { ...base, linked };
  const records = memo.get(holder.key) ?? (await holder.find(ctx));
  memo.set(holder.key, records);
  return { ...ctx, records };
}
