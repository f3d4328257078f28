// Decides whether the control plane is open (loopback) or guarded by a token (any other listen address).
import { randomBytes } from 'node:crypto';
import { isLoopbackHost } from './loopback.js';

/** How the control plane, the journal and the mock's pages are reached. */
export type ControlAccess =
  | { readonly guarded: false }
  | {
      readonly guarded: true;
      /** The token every control-plane request must carry. */
      readonly token: string;
      /** True when the mock made the token up (the banner prints it); false when `--control-token` gave it. */
      readonly generated: boolean;
    };

export interface ControlAccessInput {
  /** The address the mock listens on (`--host`). */
  host: string;
  /** `--control-token`: always guards, whatever the address. */
  controlToken?: string | undefined;
}

/** A fresh control token: 32 random bytes, base64url. */
export function generateControlToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * On loopback (127.0.0.0/8, ::1, localhost) and without `--control-token`, the control plane is open:
 * only this machine can reach it. On any other address (0.0.0.0 and :: included) it needs a token,
 * the given one or a generated one.
 */
export function resolveControlAccess(input: ControlAccessInput): ControlAccess {
  if (input.controlToken) return { guarded: true, token: input.controlToken, generated: false };
  if (isLoopbackHost(input.host)) return { guarded: false };
  return { guarded: true, token: generateControlToken(), generated: true };
}
