import { jobs } from '@qn/queue';

/** The natural key of a campaign round's fan-out job, as its job contract derives it. */
export function fanOutKey(campaignId: string, gen: number): string {
  return jobs['newsletter.fan-out'].jobId!({ campaignId, gen });
}
