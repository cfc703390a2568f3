import { createHash } from 'node:crypto';
import { LinkCheck, type LinkCheckDoc } from './models/link-check';
import { Programme, type ProgrammeDoc } from './models/programme';
import { op } from './trusted';

export type LinkStatus = { ok: boolean; httpStatus?: number; error?: string };

/**
 * One link: HEAD first (cheap), GET when the server refuses HEAD; redirects followed; a
 * timeout counts as broken. 2xx and 3xx-after-redirects are fine, everything else is not.
 */
export async function checkLink(url: string, timeoutMs: number): Promise<LinkStatus> {
  const attempt = async (method: 'HEAD' | 'GET'): Promise<LinkStatus> => {
    const res = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'User-Agent': 'Quartiersnetz-Linkpruefung/1.0' },
    });
    await res.body?.cancel();
    return { ok: res.ok, httpStatus: res.status };
  };
  try {
    const head = await attempt('HEAD');
    if (head.ok || ![403, 405, 501].includes(head.httpStatus ?? 0)) return head;
    return await attempt('GET');
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, error: e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message) };
  }
}

function linkCheckId(programmeId: string, url: string): string {
  return `${programmeId}:${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/**
 * Checks the official links of every published programme, a few at a time, and records each
 * result apart from the programme (see LinkCheck). Returns how many links are broken now.
 */
export async function checkProgrammeLinks(opts: {
  timeoutMs: number;
  concurrency?: number;
  now?: Date;
}): Promise<{ checked: number; broken: number }> {
  const now = opts.now ?? new Date();
  const links: { programmeId: string; url: string }[] = [];
  for await (const p of Programme.find({ status: 'published' }, { _id: 1, links: 1 })
    .lean<Pick<ProgrammeDoc, '_id' | 'links'>[]>()
    .cursor())
    for (const l of (p as Pick<ProgrammeDoc, '_id' | 'links'>).links)
      links.push({ programmeId: p._id, url: l.url });

  let broken = 0;
  let next = 0;
  const work = async () => {
    while (next < links.length) {
      const { programmeId, url } = links[next++]!;
      const status = await checkLink(url, opts.timeoutMs);
      const _id = linkCheckId(programmeId, url);
      const before = await LinkCheck.findById(_id).lean<LinkCheckDoc>();
      await LinkCheck.replaceOne(
        { _id },
        {
          programmeId,
          url,
          ok: status.ok,
          ...(status.httpStatus !== undefined ? { httpStatus: status.httpStatus } : {}),
          ...(status.error ? { error: status.error } : {}),
          checkedAt: now,
          ...(status.ok
            ? {}
            : { failingSince: before && !before.ok && before.failingSince ? before.failingSince : now }),
        },
        { upsert: true },
      );
      if (!status.ok) broken++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, work));
  return { checked: links.length, broken };
}

/** For admins: broken official links of published programmes, as of the last check. */
export async function listBrokenLinks(): Promise<
  (Pick<LinkCheckDoc, 'programmeId' | 'url' | 'httpStatus' | 'error' | 'checkedAt' | 'failingSince'> & {
    title: string;
    /** The link's label in the programme, so the admin knows which of its links it is. */
    label: string;
  })[]
> {
  const broken = await LinkCheck.find({ ok: false })
    .sort({ failingSince: 1 })
    .limit(1000)
    .lean<LinkCheckDoc[]>();
  const ids = [...new Set(broken.map((b) => b.programmeId))];
  const programmes = new Map(
    (
      await Programme.find(
        { _id: op({ $in: ids }), status: 'published' },
        { _id: 1, title: 1, links: 1 },
      ).lean<Pick<ProgrammeDoc, '_id' | 'title' | 'links'>[]>()
    ).map((p) => [p._id, p]),
  );
  // A link the admin has since replaced, or of an archived programme, is no longer listed.
  return broken
    .filter((b) => programmes.get(b.programmeId)?.links.some((l) => l.url === b.url))
    .map((b) => ({
      programmeId: b.programmeId,
      title: programmes.get(b.programmeId)!.title,
      label: programmes.get(b.programmeId)!.links.find((l) => l.url === b.url)!.label,
      url: b.url,
      httpStatus: b.httpStatus,
      error: b.error,
      checkedAt: b.checkedAt,
      failingSince: b.failingSince,
    }));
}
