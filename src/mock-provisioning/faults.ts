// Injected faults of the Provisioning API: a 503 window, TemporaryError items, slow jobs and dropped connections.
import { z } from 'zod';
import type { Clock } from '../clock/clock.js';
import { createSeededDice } from './seeded-dice.js';

/** What a client may set on `/_mock/provisioning/faults` (every field optional; PUT resets the others). */
export const faultPatchSchema = z
  .object({
    /** 503 [5022] for this many ms from now; 0 ends a window. */
    unavailableForMs: z.number().int().min(0).optional(),
    /** 503 [5022] until cleared (true) or not (false). */
    unavailable: z.boolean().optional(),
    /** Fraction of items that settle as TemporaryError, drawn from the seeded dice. */
    temporaryErrorRate: z.number().min(0).max(1).optional(),
    /** Item ids that always settle as TemporaryError. */
    temporaryErrorIds: z.array(z.string()).optional(),
    /** Extra ms every job takes before it settles. */
    slowJobsMs: z.number().int().min(0).optional(),
    /** Fraction of API calls whose connection is dropped, drawn from the seeded dice. */
    dropRate: z.number().min(0).max(1).optional(),
    /** Drop the next N API calls. */
    dropNext: z.number().int().min(0).optional(),
    /** Drop after the call took effect (a bulk job is created, the client never hears of it) instead of before. */
    dropAfterProcessing: z.boolean().optional(),
    /** Restarts both dice with this seed. */
    seed: z.number().int().optional(),
  })
  .strict();

export type FaultPatch = z.infer<typeof faultPatchSchema>;

/** The faults in force, as the control plane shows them. */
export interface FaultView {
  unavailable: boolean;
  /** ISO time the 503 window ends, or null when it lasts until cleared (or there is none). */
  unavailableUntil: string | null;
  temporaryErrorRate: number;
  temporaryErrorIds: string[];
  slowJobsMs: number;
  dropRate: number;
  dropNext: number;
  dropAfterProcessing: boolean;
  seed: number;
}

interface FaultState {
  unavailableUntilMs: number;
  temporaryErrorRate: number;
  temporaryErrorIds: Set<string>;
  slowJobsMs: number;
  dropRate: number;
  dropNext: number;
  dropAfterProcessing: boolean;
  seed: number;
}

const NONE: FaultState = {
  unavailableUntilMs: Number.NEGATIVE_INFINITY,
  temporaryErrorRate: 0,
  temporaryErrorIds: new Set(),
  slowJobsMs: 0,
  dropRate: 0,
  dropNext: 0,
  dropAfterProcessing: false,
  seed: 1,
};

/** Holds the fault state and rolls the dice; every decision reads the clock, never wall time. */
export class FaultInjector {
  private state: FaultState = { ...NONE, temporaryErrorIds: new Set() };
  private itemDice = createSeededDice(1);
  private dropDice = createSeededDice(1);

  constructor(
    private readonly clock: Clock,
    initial: FaultPatch = {},
  ) {
    this.apply(initial, true);
  }

  /** Applies `patch`; with `reset`, everything it does not name goes back to "no fault". */
  apply(patch: FaultPatch, reset = false): FaultView {
    const next: FaultState = reset
      ? { ...NONE, temporaryErrorIds: new Set(), seed: this.state.seed }
      : { ...this.state };
    const now = this.clock.now();
    if (patch.unavailableForMs !== undefined) {
      next.unavailableUntilMs =
        patch.unavailableForMs > 0 ? now + patch.unavailableForMs : Number.NEGATIVE_INFINITY;
    }
    if (patch.unavailable !== undefined) {
      next.unavailableUntilMs = patch.unavailable ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    }
    if (patch.temporaryErrorRate !== undefined) next.temporaryErrorRate = patch.temporaryErrorRate;
    if (patch.temporaryErrorIds !== undefined) {
      next.temporaryErrorIds = new Set(patch.temporaryErrorIds.map((id) => id.toLowerCase()));
    }
    if (patch.slowJobsMs !== undefined) next.slowJobsMs = patch.slowJobsMs;
    if (patch.dropRate !== undefined) next.dropRate = patch.dropRate;
    if (patch.dropNext !== undefined) next.dropNext = patch.dropNext;
    if (patch.dropAfterProcessing !== undefined) next.dropAfterProcessing = patch.dropAfterProcessing;
    if (patch.seed !== undefined || reset) {
      next.seed = patch.seed ?? next.seed;
      this.itemDice = createSeededDice(next.seed);
      this.dropDice = createSeededDice(next.seed ^ 0x5bd1e995);
    }
    this.state = next;
    return this.view();
  }

  /** Ends every fault (the seed stays). */
  clear(): FaultView {
    return this.apply({}, true);
  }

  view(): FaultView {
    const { unavailableUntilMs: until } = this.state;
    return {
      unavailable: this.isUnavailable(),
      unavailableUntil:
        Number.isFinite(until) && until > this.clock.now() ? new Date(until).toISOString() : null,
      temporaryErrorRate: this.state.temporaryErrorRate,
      temporaryErrorIds: [...this.state.temporaryErrorIds],
      slowJobsMs: this.state.slowJobsMs,
      dropRate: this.state.dropRate,
      dropNext: this.state.dropNext,
      dropAfterProcessing: this.state.dropAfterProcessing,
      seed: this.state.seed,
    };
  }

  /** Is the 503 window open now? */
  isUnavailable(): boolean {
    return this.clock.now() < this.state.unavailableUntilMs;
  }

  /** Should this call's connection be dropped? Consumes one `dropNext` or one roll of the drop dice. */
  takeDrop(): 'before' | 'after' | undefined {
    let drop = false;
    if (this.state.dropNext > 0) {
      this.state.dropNext -= 1;
      drop = true;
    } else if (this.state.dropRate > 0) {
      drop = this.dropDice() < this.state.dropRate;
    }
    if (!drop) return undefined;
    return this.state.dropAfterProcessing ? 'after' : 'before';
  }

  /** Should this item settle as TemporaryError? Named ids (lower-case) always; otherwise one roll of the item dice. */
  isTemporaryError(itemId: string): boolean {
    if (this.state.temporaryErrorIds.size > 0 && this.state.temporaryErrorIds.has(itemId.toLowerCase()))
      return true;
    return this.state.temporaryErrorRate > 0 && this.itemDice() < this.state.temporaryErrorRate;
  }

  /** Extra settle delay for every job. */
  get slowJobsMs(): number {
    return this.state.slowJobsMs;
  }
}
