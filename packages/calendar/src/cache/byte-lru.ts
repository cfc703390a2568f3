/**
 * A least-recently-used map bounded by bytes, not entries: one unfiltered 1,000-event feed
 * weighs as much as hundreds of narrow filtered ones. Map keeps insertion order, so
 * re-inserting on read makes the first key the least recently used one.
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [k] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.delete(k);
    }
  }

  delete(key: string): void {
    const hit = this.map.get(key);
    if (!hit) return;
    this.map.delete(key);
    this.total -= hit.bytes;
  }

  deleteWhere(pred: (key: string, value: V) => boolean): number {
    let n = 0;
    for (const [k, { value }] of this.map) {
      if (pred(k, value)) {
        this.delete(k);
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.total;
  }
}
