import { AppError } from '@qn/domain';
import { audienceQuery, countAudience } from './audience';
import { Campaign, type CampaignStatus } from './models/campaign';
import type { SegmentFilter } from './models/segment';
import { deleteSegment, getSegment } from './segments';
import { op } from './trusted';

/**
 * How many people a segment's filter reaches on its list right now: distinct confirmed
 * addresses, suppressed ones left out, as the fan-out would count them. Reads the list's
 * subscribers with a cursor: an admin page asks this, one segment at a time.
 */
export async function countSegmentAudience(listId: string, filter: Partial<SegmentFilter>): Promise<number> {
  return countAudience(
    audienceQuery([listId], {
      municipalities: filter.municipalities ?? [],
      actorTypes: filter.actorTypes ?? [],
      fieldsOfAction: filter.fieldsOfAction ?? [],
    }),
  );
}

/** Campaigns that still need the segment: deleting it would make their send fail. */
export async function campaignsUsingSegment(segmentId: string): Promise<{ _id: string; name: string }[]> {
  // Campaigns are few (hundreds); the filter reads them all, which is fine on an admin page.
  return Campaign.find(
    {
      'audience.segmentId': segmentId,
      status: op({ $in: ['draft', 'scheduled', 'sending', 'paused'] as CampaignStatus[] }),
    },
    { _id: 1, name: 1 },
  ).lean<{ _id: string; name: string }[]>();
}

/** Deletes a segment no unfinished campaign targets; otherwise a conflict naming them. */
export async function deleteUnusedSegment(segmentId: string): Promise<void> {
  await getSegment(segmentId);
  const using = await campaignsUsingSegment(segmentId);
  if (using.length)
    throw AppError.conflict(
      `Das Segment wird noch von ${using.length === 1 ? 'der Kampagne' : 'den Kampagnen'} ${using.map((c) => `„${c.name}“`).join(', ')} verwendet.`,
    );
  await deleteSegment(segmentId);
}
