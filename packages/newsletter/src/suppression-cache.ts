import { Suppression } from '@qn/mail';
import { op } from './trusted';

/**
 * The suppression list as the send jobs of one worker see it: a set of address hashes, topped up
 * every second with what was added since (`at`), reloaded whole every minute. One query per
 * second instead of one per batch of mails; the fan-out checks the list in the database itself.
 * A hit is confirmed in the database before the mail is skipped: a fresh opt-in lifts a
 * suppression (after an erasure, say), and that person must get the next campaign. Hits are
 * rare (the fan-out already left suppressed addresses out), so this costs little.
 */
export class SuppressionCache {
  private hashes = new Set<string>();
  private since = new Date(0);
  private checkedAt = 0;
  private loadedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly opts: { refreshMs?: number; reloadMs?: number } = {}) {}

  async has(hash: string): Promise<boolean> {
    if (Date.now() - this.checkedAt > (this.opts.refreshMs ?? 1_000)) {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
      await this.refreshing;
    }
    if (!this.hashes.has(hash)) return false;
    if (await Suppression.exists({ _id: hash })) return true;
    this.hashes.delete(hash);
    return false;
  }

  private async refresh(): Promise<void> {
    const started = new Date();
    const full = Date.now() - this.loadedAt > (this.opts.reloadMs ?? 60_000);
    // Overlap by a few seconds: clocks of writers differ a little.
    const rows = await Suppression.find(
      full ? {} : { at: op({ $gte: new Date(this.since.getTime() - 5_000) }) },
      { _id: 1 },
    ).lean();
    if (full) {
      this.hashes = new Set(rows.map((r) => r._id));
      this.loadedAt = Date.now();
    } else for (const r of rows) this.hashes.add(r._id);
    this.since = started;
    this.checkedAt = Date.now();
  }
}
