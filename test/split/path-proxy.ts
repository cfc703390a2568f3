import http, { type Server } from 'node:http';

/**
 * The smallest reverse proxy that gives the split processes one origin, as nginx does in
 * infra/docker/nginx.conf: the longest matching path prefix picks the upstream port.
 */
export async function startPathProxy(
  routes: Record<string, number>,
): Promise<{ url: string; server: Server }> {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const prefix = prefixes.find(
      (p) => url === p || url.startsWith(p.endsWith('/') ? p : `${p}/`) || url.startsWith(`${p}?`),
    );
    if (!prefix) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no upstream');
      return;
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: routes[prefix],
        method: req.method,
        path: url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}
