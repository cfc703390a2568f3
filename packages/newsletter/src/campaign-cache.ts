import { Campaign, type CampaignDoc, type CampaignStatus } from './models/campaign';
import { compileCampaign, type CompiledCampaign } from './render-campaign';
import type { NewsletterContext } from './newsletter-context';

type Entry = {
  status: CampaignStatus;
  gen: number;
  compiled: CompiledCampaign;
  updatedAt: number;
  checkedAt: number;
};

/**
 * The worker's view of running campaigns: compiled once, status re-read at most every
 * `ttlMs`. So a pause takes effect within that time without a database read per mail.
 */
export class CampaignCache {
  private entries = new Map<string, Entry>();
  private loading = new Map<string, Promise<Entry | null>>();

  constructor(
    private readonly ctx: Pick<NewsletterContext, 'publicUrl' | 'officeName' | 'secret'>,
    private readonly ttlMs = 500,
  ) {}

  async get(id: string): Promise<Entry | null> {
    const e = this.entries.get(id);
    if (e && Date.now() - e.checkedAt < this.ttlMs) return e;
    let p = this.loading.get(id);
    if (!p) {
      p = this.load(id, e).finally(() => this.loading.delete(id));
      this.loading.set(id, p);
    }
    return p;
  }

  private async load(id: string, previous?: Entry): Promise<Entry | null> {
    const c = await Campaign.findById(id).lean<CampaignDoc>();
    if (!c) {
      this.entries.delete(id);
      return null;
    }
    const updatedAt = new Date(c.updatedAt).getTime();
    const compiled =
      previous && previous.updatedAt === updatedAt ? previous.compiled : compileCampaign(c, this.ctx);
    const entry = { status: c.status, gen: c.gen, compiled, updatedAt, checkedAt: Date.now() };
    this.entries.set(id, entry);
    if (this.entries.size > 100) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
