import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '@qn/infra';

/**
 * A TCP relay in front of a server that can be told to hold: from then on it forwards nothing
 * in either direction (open sessions stall, new ones hang after connect), like a relay that
 * stopped answering mid-conversation. A test uses it to make a worker hold its jobs.
 */
export type TcpGate = { port: number; hold: () => void; close: () => Promise<void> };

export async function startTcpGate(targetPort: number): Promise<TcpGate> {
  const port = await freePort();
  let held = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
      if (held) s.pause();
    }
    client.on('data', (d) => void (!held && upstream.write(d)));
    upstream.on('data', (d) => void (!held && client.write(d)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port,
    hold: () => {
      held = true;
      for (const s of sockets) s.pause();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
