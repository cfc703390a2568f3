import { mailboxUrl } from './test-env';

export type ReceivedMail = {
  id: number;
  subject: string;
  to: string[];
  envelope: { from: string | null; to: string[] };
  text: string;
  html?: string;
  headers: Record<string, string>;
  attachments: { filename?: string; contentType: string; content: string }[];
};

export async function listMail(filter: { to?: string; subject?: string } = {}): Promise<ReceivedMail[]> {
  const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]);
  const res = await fetch(`${mailboxUrl()}/api/messages?${q}`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return (await res.json()) as ReceivedMail[];
}

export async function rawMail(id: number): Promise<string> {
  return (await fetch(`${mailboxUrl()}/api/messages/${id}/raw`)).text();
}

/** Polls the real mailbox until `count` matching messages arrived, or fails with what it saw. */
export async function waitForMail(
  filter: { to?: string; subject?: string },
  opts: { count?: number; timeoutMs?: number } = {},
): Promise<ReceivedMail[]> {
  const count = opts.count ?? 1;
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let seen: ReceivedMail[] = [];
  while (Date.now() < deadline) {
    seen = await listMail(filter);
    if (seen.length >= count) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${count} mail(s) for ${JSON.stringify(filter)}, got ${seen.length}`);
}
