// EntryWindow: first in, first out, with index access that stays right across many drops and compactions.
import { describe, expect, it } from 'vitest';
import { EntryWindow } from '../../src/journal/entry-window.js';

describe('EntryWindow', () => {
  it('drops the oldest item first and indexes from the oldest still held, across compactions', () => {
    const window = new EntryWindow<number>();
    for (let n = 0; n < 5000; n += 1) window.push(n);
    for (let n = 0; n < 3000; n += 1) expect(window.dropOldest()).toBe(n);
    expect(window.length).toBe(2000);
    expect(window.at(0)).toBe(3000);
    expect(window.at(1999)).toBe(4999);
    window.set(1, -1);
    expect(window.slice(0, 3)).toEqual([3000, -1, 3002]);
    expect(window.slice(1998)).toEqual([4998, 4999]);
    window.push(5000);
    expect(window.at(window.length - 1)).toBe(5000);
  });

  it('returns undefined when empty, and starts over after clear', () => {
    const window = new EntryWindow<string>();
    expect(window.dropOldest()).toBeUndefined();
    window.push('a');
    window.clear();
    expect(window.length).toBe(0);
    window.push('b');
    expect(window.slice()).toEqual(['b']);
  });
});
