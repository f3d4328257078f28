// A first-in, first-out list whose oldest items drop in constant time (the journal's ring), with index access.

/**
 * Items in arrival order. `dropOldest` moves a head index instead of shifting the array (which copies
 * every item once the array is large: ~160 µs a drop at 100,000 entries); the dead prefix is cut off in
 * one slice once it is at least half the array, so each item is copied at most once more on average.
 */
export class EntryWindow<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The item `index` places after the oldest (0: the oldest). */
  at(index: number): T {
    return this.items[this.head + index] as T;
  }

  set(index: number, item: T): void {
    this.items[this.head + index] = item;
  }

  /** Removes and returns the oldest item. */
  dropOldest(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The items from `start` to before `end` (indexes as for `at`; default: to the newest), as a new array. */
  slice(start = 0, end = this.length): T[] {
    return this.items.slice(this.head + Math.max(0, start), this.head + Math.min(end, this.length)) as T[];
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
