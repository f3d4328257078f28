// Reads a page-facing request's input the same way whether a form (htmx) or a JSON client sent it.
import type { Context } from 'hono';

/** True when htmx made the request: answer an HTML fragment instead of JSON. */
export function wantsFragment(c: Context): boolean {
  return c.req.header('hx-request') === 'true';
}

/** True when a browser navigates here (the Accept header puts text/html before JSON). */
export function wantsPage(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || html < json;
}

/**
 * The body as a flat record: JSON objects as they are, forms with repeated fields as arrays.
 * Undefined when the body is neither (the caller answers 400).
 */
export async function readInput(c: Context): Promise<Record<string, unknown> | undefined> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body: unknown = await c.req.json();
      return typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : undefined;
    }
    if (type.includes('form')) {
      const form = await c.req.parseBody({ all: true });
      return form as Record<string, unknown>;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** A form field or JSON member as a trimmed string ('' when absent). */
export function textField(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}
