/**
 * The newest `capacity` values in order, in a ring: appending and trimming the oldest cost O(1),
 * and each value keeps its index (counted from the first value ever appended) while it is kept.
 */
export class BoundedLog<T> {
  private readonly slots: (T | undefined)[];
  /** Index of the oldest value kept; everything before it was removed. */
  private first = 0;
  private next = 0;
  private cached: readonly T[] | undefined;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.slots = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.next - this.first;
  }

  /** How many values were trimmed from the start since the last clear. */
  get removed(): number {
    return this.first;
  }

  /** The index the last appended value got. */
  get newestIndex(): number {
    return this.next - 1;
  }

  /** Appends; returns the oldest value when it had to make room. */
  push(value: T): T | undefined {
    const slot = this.next % this.capacity;
    const evicted = this.length === this.capacity ? this.slots[slot] : undefined;
    if (this.length === this.capacity) this.first++;
    this.slots[slot] = value;
    this.next++;
    this.cached = undefined;
    return evicted;
  }

  get(index: number): T | undefined {
    return this.holds(index) ? this.slots[index % this.capacity] : undefined;
  }

  /** Replaces a value still kept; an index already trimmed is ignored. */
  set(index: number, value: T): void {
    if (!this.holds(index)) return;
    this.slots[index % this.capacity] = value;
    this.cached = undefined;
  }

  /** The values oldest first, as an array that stays the same until the log changes. */
  snapshot(): readonly T[] {
    if (!this.cached) {
      const values: T[] = [];
      for (let index = this.first; index < this.next; index++) values.push(this.slots[index % this.capacity]!);
      this.cached = Object.freeze(values);
    }
    return this.cached;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.first = this.next = 0;
    this.cached = undefined;
  }

  private holds(index: number): boolean {
    return Number.isInteger(index) && index >= this.first && index < this.next;
  }
}
