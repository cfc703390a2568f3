import { rmSync } from 'node:fs';

type Handles = { ferret: { stop(): Promise<void> }; mailbox: { stop(): Promise<void> }; stateDir: string };

export default async function globalTeardown(): Promise<void> {
  const h = (globalThis as { __qnHandles?: Handles }).__qnHandles;
  if (!h) return;
  await h.mailbox.stop();
  await h.ferret.stop();
  // Keep the FerretDB log of a failed run for reading; drop the data.
  rmSync(`${h.stateDir}/sqlite`, { recursive: true, force: true });
}
