import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../main/gpu/ring-buffer';

const item = (at: number) => ({ at });

describe('RingBuffer', () => {
  it('never holds more than its capacity, dropping the oldest first', () => {
    const ring = new RingBuffer<{ at: number }>(100);
    for (let at = 0; at < 10_000; at += 1) ring.push(item(at));
    expect(ring.size).toBe(100);
    expect(ring.capacity).toBe(100);
    expect(ring.oldest()?.at).toBe(9_900);
    expect(ring.newest()?.at).toBe(9_999);
    expect(ring.toArray().map((entry) => entry.at)).toEqual(Array.from({ length: 100 }, (_, index) => 9_900 + index));
  });

  it('finds what came after a time by binary search, across the wrap-around', () => {
    const ring = new RingBuffer<{ at: number }>(8);
    for (let at = 0; at < 13; at += 1) ring.push(item(at * 10));
    expect(ring.since(95).map((entry) => entry.at)).toEqual([100, 110, 120]);
    expect(ring.since(100).map((entry) => entry.at)).toEqual([110, 120]);
    expect(ring.since(-1)).toHaveLength(8);
    expect(ring.since(500)).toEqual([]);
    expect(ring.firstIndexAtOrAfter(50)).toBe(0);
    expect(ring.firstIndexAtOrAfter(85)).toBe(4);
  });

  it('keeps the newest items when resized down, and all of them when resized up', () => {
    const ring = new RingBuffer<{ at: number }>(10);
    for (let at = 0; at < 15; at += 1) ring.push(item(at));
    ring.resize(4);
    expect(ring.toArray().map((entry) => entry.at)).toEqual([11, 12, 13, 14]);
    ring.resize(20);
    ring.push(item(15));
    expect(ring.toArray().map((entry) => entry.at)).toEqual([11, 12, 13, 14, 15]);
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(RangeError);
  });
});
