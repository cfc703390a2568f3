export default async function globalTeardown(): Promise<void> {
  const h = (
    globalThis as { __qnHandles?: { ferret: { stop(): Promise<void> }; mailbox: { stop(): Promise<void> } } }
  ).__qnHandles;
  if (!h) return;
  await h.mailbox.stop();
  await h.ferret.stop();
}
