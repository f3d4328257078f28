// Reads a request body as JSON for the API: content type, UTF-8, syntax and nesting depth, without throwing.
import type { Context } from 'hono';
import type { ProvisioningEnv } from './provisioning-env.js';

/** Deeper JSON is refused: no item of the spec nests more than five levels inside `{"data":[…]}`. */
export const MAX_JSON_DEPTH = 32;

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; reason: string };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;.*)?$/i;
const DECODER = new TextDecoder('utf-8', { fatal: true });

/** Depth of nested arrays/objects, computed without recursion (a hostile body cannot overflow the stack). */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) max = depth;
    if (max > limit) return max;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children)
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return max;
}

/** The body as JSON, or why it cannot be (answered with 400; the reason goes into the message). */
export async function readJsonBody(c: Context<ProvisioningEnv>): Promise<JsonBodyResult> {
  const type = c.req.header('content-type');
  if (!type || !JSON_TYPE.test(type.trim())) {
    return {
      ok: false,
      reason: `Content-Type ska vara application/json (fick ${type ? `"${type}"` : 'ingen'}).`,
    };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch {
    return { ok: false, reason: 'Innehållet kunde inte läsas.' };
  }
  let text: string;
  try {
    text = DECODER.decode(bytes);
  } catch {
    return { ok: false, reason: 'Innehållet är inte giltig UTF-8.' };
  }
  if (text.trim() === '') return { ok: false, reason: 'Innehållet saknas.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'Innehållet är inte giltig JSON.' };
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, reason: `Innehållet är nästlat djupare än ${MAX_JSON_DEPTH} nivåer.` };
  }
  return { ok: true, value };
}
