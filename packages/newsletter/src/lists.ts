import { AppError } from '@qn/domain';
import { NewsletterList, type Lang, type NewsletterListDoc } from './models/newsletter-list';
import { Subscriber } from './models/subscriber';
import { Segment } from './models/segment';
import { newId } from './new-id';
import { assertKnownPersonalFields } from './personal-fields';

export type ListInput = {
  name: string;
  description?: string;
  lang?: Lang;
  welcome?: { enabled: boolean; subject?: string; bodyMarkdown?: string };
};

/** The welcome mail is filled like a campaign: the same placeholders, refused the same way. */
function assertWelcomeFields(welcome: ListInput['welcome']): void {
  assertKnownPersonalFields({
    'welcome.subject': welcome?.subject,
    'welcome.bodyMarkdown': welcome?.bodyMarkdown,
  });
}

export async function createList(input: ListInput): Promise<NewsletterListDoc> {
  if (input.welcome?.enabled && !input.welcome.bodyMarkdown)
    throw AppError.validation([
      { field: 'welcome.bodyMarkdown', message: 'required when the welcome mail is on' },
    ]);
  assertWelcomeFields(input.welcome);
  const doc = await NewsletterList.create({
    _id: newId(),
    name: input.name,
    description: input.description,
    lang: input.lang ?? 'de',
    welcome: input.welcome ?? { enabled: false },
  });
  return doc.toObject();
}

export async function getList(id: string): Promise<NewsletterListDoc> {
  const list = await NewsletterList.findById(id).lean<NewsletterListDoc>();
  if (!list) throw AppError.notFound('Diese Liste gibt es nicht.');
  return list;
}

export async function listLists(): Promise<NewsletterListDoc[]> {
  return NewsletterList.find().sort({ name: 1 }).lean<NewsletterListDoc[]>();
}

/** Lists are written by admins only, one request at a time per list in practice; last write wins. */
export async function updateList(id: string, patch: Partial<ListInput>): Promise<NewsletterListDoc> {
  const list = await getList(id);
  const welcome = patch.welcome ?? list.welcome;
  if (welcome.enabled && !welcome.bodyMarkdown)
    throw AppError.validation([
      { field: 'welcome.bodyMarkdown', message: 'required when the welcome mail is on' },
    ]);
  if (patch.welcome) assertWelcomeFields(patch.welcome);
  await NewsletterList.updateOne({ _id: id }, { $set: { ...patch, welcome } });
  return getList(id);
}

/** Deletes a list with its subscribers and segments (the suppression list stays). */
export async function deleteList(id: string): Promise<void> {
  await getList(id);
  await Subscriber.deleteMany({ listId: id });
  await Segment.deleteMany({ listId: id });
  await NewsletterList.deleteOne({ _id: id });
}
