import type { ParsedMail } from 'mailparser';

export type StoredMessage = {
  id: number;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  messageId?: string;
  subject: string;
  from?: string;
  to: string[];
  text: string;
  html?: string;
  headers: Record<string, string>;
  attachments: { filename?: string; contentType: string; content: string }[];
  raw: string;
};

/** Bounded in-memory store: a dev mailbox must never grow without limit during a benchmark. */
export class MailStore {
  private messages: StoredMessage[] = [];
  private nextId = 1;
  constructor(private readonly max = 20_000) {}

  add(parsed: ParsedMail, envelope: StoredMessage['envelope'], raw: string): StoredMessage {
    const headers: Record<string, string> = {};
    for (const line of parsed.headerLines)
      headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
    const addrs = (v: ParsedMail['to']) =>
      (Array.isArray(v) ? v : v ? [v] : []).flatMap((a) => a.value.map((x) => x.address ?? ''));
    const msg: StoredMessage = {
      id: this.nextId++,
      receivedAt: new Date().toISOString(),
      envelope,
      messageId: parsed.messageId,
      subject: parsed.subject ?? '',
      from: parsed.from?.text,
      to: addrs(parsed.to),
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      headers,
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content.toString('utf8'),
      })),
      raw,
    };
    this.messages.push(msg);
    if (this.messages.length > this.max) this.messages.splice(0, this.messages.length - this.max);
    return msg;
  }

  list(filter: { to?: string; subject?: string; since?: number } = {}): StoredMessage[] {
    return this.messages.filter(
      (m) =>
        (!filter.to || m.envelope.to.some((t) => t.toLowerCase() === filter.to!.toLowerCase())) &&
        (!filter.subject || m.subject.includes(filter.subject)) &&
        (!filter.since || m.id > filter.since),
    );
  }

  get(id: number): StoredMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages = [];
  }

  get size(): number {
    return this.messages.length;
  }
}
