// The one source of time for the whole mock: a real clock, or a controlled one that tests set and advance.

/** Cancels a timer created with {@link Clock.setTimer}. */
export type CancelTimer = () => void;

/** Everything in the mock reads time and schedules work through this interface, never through Date or setTimeout. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** The current time as a Date. */
  date(): Date;
  /**
   * Runs `fn` once `delayMs` has passed on this clock. On the real clock that is a (unref'd) setTimeout;
   * on a controlled clock it fires when `advance`/`set` moves time past the due time. A timer already due
   * fires on the next macrotask, never synchronously.
   */
  setTimer(delayMs: number, fn: () => void): CancelTimer;
  /** Resolves after `delayMs` on this clock (see {@link Clock.setTimer}). */
  sleep(delayMs: number): Promise<void>;
  readonly kind: 'real' | 'controlled';
}

/** A clock whose time only moves when told to. */
export interface ControlledClock extends Clock {
  readonly kind: 'controlled';
  /** Moves time forward and fires every timer that falls due, in due order. */
  advance(ms: number): void;
  /** Jumps to an absolute time (ms or Date), firing timers that fall due. Moving backwards fires nothing. */
  set(time: number | Date): void;
}

/** Longest delay one setTimeout honours; past it Node fires after 1 ms (subscriptions live for months). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export function createRealClock(): Clock {
  return {
    kind: 'real',
    now: () => Date.now(),
    date: () => new Date(),
    setTimer(delayMs, fn) {
      const due = Date.now() + Math.max(0, delayMs);
      let handle: NodeJS.Timeout;
      // Re-arm in steps no longer than setTimeout honours, so a 45-day renewal fires in 45 days.
      const arm = () => {
        const remaining = Math.max(0, due - Date.now());
        handle = remaining > MAX_TIMEOUT_MS ? setTimeout(arm, MAX_TIMEOUT_MS) : setTimeout(fn, remaining);
        handle.unref?.();
      };
      arm();
      return () => clearTimeout(handle);
    },
    sleep(delayMs) {
      return new Promise((resolve) => setTimeout(resolve, Math.max(0, delayMs)));
    },
  };
}

interface PendingTimer {
  due: number;
  seq: number;
  fn: () => void;
}

/** A controlled clock starting at `start` (default 2026-09-01T08:00:00Z, a school day). */
export function createControlledClock(start: number | Date = Date.UTC(2026, 8, 1, 8, 0, 0)): ControlledClock {
  let current = typeof start === 'number' ? start : start.getTime();
  let seq = 0;
  const timers: PendingTimer[] = [];

  const fireDue = () => {
    timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    while (timers.length > 0 && (timers[0] as PendingTimer).due <= current) {
      const timer = timers.shift() as PendingTimer;
      timer.fn();
    }
  };

  const clock: ControlledClock = {
    kind: 'controlled',
    now: () => current,
    date: () => new Date(current),
    setTimer(delayMs, fn) {
      const timer: PendingTimer = { due: current + Math.max(0, delayMs), seq: seq++, fn };
      if (timer.due <= current) {
        // Already due: run on the next macrotask so callers never see re-entrant execution.
        const handle = setImmediate(fn);
        return () => clearImmediate(handle);
      }
      timers.push(timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    sleep(delayMs) {
      return new Promise((resolve) => clock.setTimer(delayMs, () => resolve()));
    },
    advance(ms) {
      if (ms < 0) throw new TypeError('advance() takes a non-negative number of milliseconds');
      current += ms;
      fireDue();
    },
    set(time) {
      current = typeof time === 'number' ? time : time.getTime();
      fireDue();
    },
  };
  return clock;
}
