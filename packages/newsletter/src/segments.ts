import { AppError } from '@qn/domain';
import { getList } from './lists';
import { Segment, type SegmentDoc, type SegmentFilter } from './models/segment';
import { newId } from './new-id';

export type SegmentInput = { name: string; filter: Partial<SegmentFilter> };

function normalised(f: Partial<SegmentFilter>): SegmentFilter {
  return {
    municipalities: [...new Set(f.municipalities ?? [])],
    actorTypes: [...new Set(f.actorTypes ?? [])],
    fieldsOfAction: [...new Set(f.fieldsOfAction ?? [])],
  };
}

export async function createSegment(listId: string, input: SegmentInput): Promise<SegmentDoc> {
  await getList(listId);
  const doc = await Segment.create({
    _id: newId(),
    listId,
    name: input.name,
    filter: normalised(input.filter),
  });
  return doc.toObject();
}

export async function getSegment(id: string): Promise<SegmentDoc> {
  const s = await Segment.findById(id).lean<SegmentDoc>();
  if (!s) throw AppError.notFound('Dieses Segment gibt es nicht.');
  return s;
}

export async function listSegments(listId: string): Promise<SegmentDoc[]> {
  await getList(listId);
  return Segment.find({ listId }).sort({ name: 1 }).lean<SegmentDoc[]>();
}

export async function updateSegment(id: string, patch: Partial<SegmentInput>): Promise<SegmentDoc> {
  const s = await getSegment(id);
  await Segment.updateOne(
    { _id: id },
    {
      $set: {
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.filter ? { filter: normalised({ ...s.filter, ...patch.filter }) } : {}),
      },
    },
  );
  return getSegment(id);
}

export async function deleteSegment(id: string): Promise<void> {
  await getSegment(id);
  await Segment.deleteOne({ _id: id });
}
