/** One route an express 5 app really has; `mount` is its top-level mount path ('' for the app's own). */
export type ExpressRoute = { method: string; path: string; mount: string };

type Layer = {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
};

/** Walks the app's router stack, joining mount paths, so a test can compare with the document. */
export function expressRoutes(app: unknown): ExpressRoute[] {
  const out = new Map<string, ExpressRoute>();
  const walk = (stack: Layer[], prefix: string, mount: string | undefined) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        const path = prefix + (layer.route.path === '/' && prefix ? '' : layer.route.path) || '/';
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') out.set(`${method} ${path}`, { method, path, mount: mount ?? '' });
        }
      } else if (layer.handle?.stack && typeof layer.rawPath === 'string') {
        const next = prefix + (layer.rawPath === '/' ? '' : layer.rawPath);
        walk(layer.handle.stack, next, mount ?? layer.rawPath);
      }
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack, '', undefined);
  return [...out.values()].sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}
