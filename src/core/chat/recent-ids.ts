/** The last `capacity` ids added; the oldest is forgotten first. */
export class RecentIds {
  // A Set iterates in insertion order, so its first value is the oldest: trimming is O(1).
  private readonly ids = new Set<string>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
  }

  clear(): void {
    this.ids.clear();
  }
}
