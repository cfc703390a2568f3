import { suppressedHashes } from '@qn/mail';

/**
 * Batched "is this address suppressed?" for concurrent send jobs: one query per few
 * milliseconds for all hashes asked in that time, instead of one round trip per mail.
 */
export class SuppressionLookup {
  private waiting = new Map<string, ((v: boolean) => void)[]>();
  private rejecters: ((e: unknown) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly maxWaitMs = 4) {}

  has(hash: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(hash) ?? [];
      list.push(resolve);
      this.waiting.set(hash, list);
      this.rejecters.push(reject);
      if (this.waiting.size >= 500) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.maxWaitMs);
    });
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    const rejecters = this.rejecters;
    this.waiting = new Map();
    this.rejecters = [];
    if (batch.size === 0) return;
    try {
      const blocked = await suppressedHashes([...batch.keys()]);
      for (const [hash, resolvers] of batch) for (const r of resolvers) r(blocked.has(hash));
    } catch (err) {
      for (const r of rejecters) r(err);
    }
  }
}
