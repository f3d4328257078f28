// Behaviour of the real and controlled clocks: time moves only when told, timers fire in due order.
import { describe, expect, it } from 'vitest';
import { createControlledClock, createRealClock, MAX_TIMEOUT_MS } from '../../src/clock/index.js';

describe('controlled clock', () => {
  it('starts at the given time and moves only on advance or set', () => {
    const clock = createControlledClock(Date.UTC(2026, 0, 19));
    expect(clock.date().toISOString()).toBe('2026-01-19T00:00:00.000Z');
    clock.advance(1500);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 19) + 1500);
    clock.set(new Date('2026-02-01T00:00:00Z'));
    expect(clock.date().toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('fires timers in due order when time passes them, and not before', () => {
    const clock = createControlledClock(0);
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push('c'));
    clock.setTimer(100, () => fired.push('a'));
    clock.setTimer(200, () => fired.push('b'));
    clock.advance(150);
    expect(fired).toEqual(['a']);
    clock.advance(1000);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('cancels a timer', () => {
    const clock = createControlledClock(0);
    let fired = false;
    const cancel = clock.setTimer(10, () => {
      fired = true;
    });
    cancel();
    clock.advance(20);
    expect(fired).toBe(false);
  });

  it('runs an already-due timer on the next macrotask, never synchronously', async () => {
    const clock = createControlledClock(0);
    let fired = false;
    clock.setTimer(0, () => {
      fired = true;
    });
    expect(fired).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fired).toBe(true);
  });

  it('resolves sleep when advanced past it', async () => {
    const clock = createControlledClock(0);
    let done = false;
    const sleeping = clock.sleep(5000).then(() => {
      done = true;
    });
    clock.advance(4999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('fires a 45-day timer only when 45 days have passed', () => {
    const day = 86_400_000;
    const clock = createControlledClock(0);
    let fired = 0;
    clock.setTimer(45 * day, () => {
      fired += 1;
    });
    clock.advance(45 * day - 1);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
  });

  it('refuses to advance backwards', () => {
    expect(() => createControlledClock(0).advance(-1)).toThrow(TypeError);
  });
});

describe('real clock', () => {
  it('does not fire a timer longer than setTimeout honours within a moment, and cancels it', async () => {
    let fired = false;
    const cancel = createRealClock().setTimer(MAX_TIMEOUT_MS * 2, () => {
      fired = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
    cancel();
  });

  it('fires a short timer', async () => {
    const fired = await new Promise<boolean>((resolve) => createRealClock().setTimer(5, () => resolve(true)));
    expect(fired).toBe(true);
  });

  it('reads the wall clock', () => {
    const clock = createRealClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    expect(clock.kind).toBe('real');
  });
});
