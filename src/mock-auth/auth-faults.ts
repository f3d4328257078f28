// Fault knobs for token requests: fail the next N, delay them on the clock, issue tokens a correct client must refuse.
import { z } from 'zod';
import type { TokenFault } from './access-token.js';

const count = z.number().int().min(1).max(1_000_000);

/**
 * What PUT/POST /_mock/auth/faults and `auth.faults.set()` accept. A fault without `count` lasts until cleared.
 * `expired` and `notYetValid` exclude each other (a token cannot be both).
 */
export const authFaultsInputSchema = z
  .strictObject({
    fail: z
      .strictObject({
        count: count.default(1),
        status: z.union([z.literal(500), z.literal(503)]).default(503),
      })
      .optional(),
    delay: z.strictObject({ ms: z.number().int().min(0).max(3_600_000), count: count.optional() }).optional(),
    expired: z.strictObject({ count: count.optional() }).optional(),
    notYetValid: z.strictObject({ count: count.optional() }).optional(),
    wrongLocation: z.strictObject({ count: count.optional() }).optional(),
    wrongOrganisation: z.strictObject({ count: count.optional() }).optional(),
    unknownKid: z.strictObject({ count: count.optional() }).optional(),
    badSignature: z.strictObject({ count: count.optional() }).optional(),
  })
  .refine((faults) => !(faults.expired && faults.notYetValid), {
    message: 'expired and notYetValid exclude each other',
    path: ['notYetValid'],
  });

export type AuthFaultsInput = z.input<typeof authFaultsInputSchema>;
/** The armed faults; `count` is what remains (absent: until cleared). */
export type AuthFaultState = z.output<typeof authFaultsInputSchema>;

/** What one token request meets before it is handled. */
export interface RequestFaultDecision {
  delayMs?: number;
  failStatus?: 500 | 503;
}

export interface AuthFaultControl {
  get(): AuthFaultState;
  /** Replaces every fault. @throws TypeError when the input is invalid. */
  set(input: AuthFaultsInput): AuthFaultState;
  /**
   * Changes only the faults named; arming `expired` drops an armed `notYetValid` and vice versa.
   * @throws TypeError when the input is invalid.
   */
  update(input: AuthFaultsInput): AuthFaultState;
  clear(): void;
  /** Consumes the delay and failure faults for one token request. */
  takeRequestFaults(): RequestFaultDecision;
  /** Consumes the token faults for one token about to be issued. */
  takeTokenFaults(): TokenFault[];
}

/** Each token knob and the fault it puts into the next issued token(s). */
const TOKEN_FAULT_KNOBS = [
  ['expired', 'expired'],
  ['notYetValid', 'not-yet-valid'],
  ['wrongLocation', 'wrong-location'],
  ['wrongOrganisation', 'wrong-organisation'],
  ['unknownKid', 'unknown-kid'],
  ['badSignature', 'bad-signature'],
] as const satisfies readonly (readonly [keyof AuthFaultState, TokenFault])[];

function parse(input: AuthFaultsInput): AuthFaultState {
  const parsed = authFaultsInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new TypeError(
      `Invalid auth faults: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Decrements a counted fault; returns whether it applied. Uncounted faults always apply. */
function consume<K extends keyof AuthFaultState>(state: AuthFaultState, name: K): boolean {
  const fault = state[name] as { count?: number } | undefined;
  if (!fault) return false;
  if (fault.count === undefined) return true;
  fault.count -= 1;
  if (fault.count <= 0) delete state[name];
  return true;
}

export function createAuthFaults(): AuthFaultControl {
  let state: AuthFaultState = {};
  return {
    get: () => structuredClone(state),
    set(input) {
      state = parse(input);
      return structuredClone(state);
    },
    update(input) {
      const patch = parse(input);
      state = { ...state, ...patch };
      // A token cannot be both expired and not yet valid: the fault named last wins.
      if (patch.expired) delete state.notYetValid;
      if (patch.notYetValid) delete state.expired;
      return structuredClone(state);
    },
    clear() {
      state = {};
    },
    takeRequestFaults() {
      const decision: RequestFaultDecision = {};
      const delayMs = state.delay?.ms;
      if (delayMs !== undefined && consume(state, 'delay')) decision.delayMs = delayMs;
      const status = state.fail?.status;
      if (status !== undefined && consume(state, 'fail')) decision.failStatus = status;
      return decision;
    },
    takeTokenFaults() {
      return TOKEN_FAULT_KNOBS.filter(([knob]) => consume(state, knob)).map(([, fault]) => fault);
    },
  };
}
