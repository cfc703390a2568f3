import http from 'node:http';
import type { Express } from 'express';
import type { FeedFastPath } from './feed-fast-path';

/** The calendar service's HTTP server: cache hits of known feed URLs first, the app for the rest. */
export function serveWithFastPath(app: Express, fastPath: FeedFastPath): http.Server {
  return http.createServer((req, res) => {
    if (!fastPath(req, res)) app(req, res);
  });
}
