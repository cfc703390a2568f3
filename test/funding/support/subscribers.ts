import request from 'supertest';
import type { Server } from 'node:http';
import { waitForMail } from '@qn/testing';
import { tokenIn } from './links';

let n = 0;
export function address(label: string): string {
  return `${label}-${process.pid}-${Date.now().toString(36)}-${n++}@example.org`;
}

/** Signs up through the API and, unless `confirm: false`, confirms through the mailed link. */
export async function signUp(
  server: Server,
  email: string,
  body: Record<string, unknown> = {},
  opts: { confirm?: boolean } = {},
): Promise<void> {
  const res = await request(server)
    .post('/api/funding/subscriptions')
    .send({ email, consent: true, ...body });
  if (res.status !== 202) throw new Error(`sign-up answered ${res.status}: ${JSON.stringify(res.body)}`);
  if (opts.confirm === false) return;
  const [mail] = await waitForMail({ to: email, subject: 'Bitte bestätigen' });
  const ok = await request(server).post(`/api/funding/subscriptions/confirm/${tokenIn(mail!, 'confirm')}`);
  if (ok.status !== 200) throw new Error(`confirm answered ${ok.status}`);
}
