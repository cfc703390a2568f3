import { Redis } from 'ioredis';

/**
 * Producers inside HTTP handlers must fail fast when Redis is down rather than hang the
 * request, so their connection has no offline queue and one retry per command.
 */
export function createProducerConnection(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Workers block on Redis; BullMQ requires `maxRetriesPerRequest: null` for them. */
export function createWorkerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
