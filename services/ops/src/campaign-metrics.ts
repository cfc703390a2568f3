import { Gauge, Registry } from 'prom-client';
import { oneReadPerScrape } from '@qn/metrics';
import { campaignProgress, listActiveCampaignIds } from '@qn/newsletter';

const states = ['total', 'sent', 'failed', 'skipped', 'remaining'] as const;

/**
 * Newsletter progress, read from the records at scrape time: recipients per state of every
 * campaign that is sending or paused (finished ones drop out, so the label set stays small),
 * and mails per second. Counted from the delivery records like the console's progress, so
 * every process and the console agree. A failed read leaves the series out of that scrape.
 */
export function campaignMetricsRegistry(): Registry {
  const registry = new Registry();
  const read = oneReadPerScrape(async () => {
    const ids = await listActiveCampaignIds();
    return Promise.all(ids.map(async (id) => ({ id, p: await campaignProgress(id) })));
  }, []);
  new Gauge({
    name: 'qn_newsletter_campaign_recipients',
    help: 'Recipients of each sending or paused campaign by state (total, sent, failed, skipped, remaining)',
    labelNames: ['campaign', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { id, p } of await read())
        for (const s of states) this.set({ campaign: id, state: s }, p[s]);
    },
  });
  new Gauge({
    name: 'qn_newsletter_campaign_rate',
    help: 'Mails per second of each sending or paused campaign over the last minute',
    labelNames: ['campaign'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { id, p } of await read()) this.set({ campaign: id }, p.rate);
    },
  });
  return registry;
}
