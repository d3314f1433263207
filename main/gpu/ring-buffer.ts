/**
 * A fixed-capacity buffer of timed items, oldest overwritten first. Items arrive in time order,
 * so "since" is a binary search rather than a scan of the whole hour.
 */
export class RingBuffer<T extends { at: number }> {
  private items: Array<T | undefined>;
  private start = 0;
  private count = 0;

  constructor(capacity: number) {
    this.items = new Array<T | undefined>(RingBuffer.checked(capacity));
  }

  get capacity(): number {
    return this.items.length;
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    const capacity = this.items.length;
    if (this.count < capacity) {
      this.items[(this.start + this.count) % capacity] = item;
      this.count += 1;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % capacity;
    }
  }

  /** The i-th oldest item. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.start + index) % this.items.length];
  }

  oldest(): T | undefined {
    return this.at(0);
  }

  newest(): T | undefined {
    return this.at(this.count - 1);
  }

  /** Index of the first item with `at >= time` (size when none). */
  firstIndexAtOrAfter(time: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.at(middle)!.at < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Items with `at > time`, oldest first. */
  since(time: number): T[] {
    const out: T[] = [];
    for (let index = this.firstIndexAtOrAfter(time); index < this.count; index += 1) {
      const item = this.at(index)!;
      if (item.at > time) out.push(item);
    }
    return out;
  }

  toArray(): T[] {
    return this.since(Number.NEGATIVE_INFINITY);
  }

  /** A new capacity keeps the newest items that fit. */
  resize(capacity: number): void {
    const kept = this.toArray().slice(-RingBuffer.checked(capacity));
    this.items = new Array<T | undefined>(capacity);
    this.start = 0;
    this.count = 0;
    for (const item of kept) this.push(item);
  }

  private static checked(capacity: number): number {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A ring buffer needs a whole capacity of at least 1, not ${capacity}`);
    return capacity;
  }
}
