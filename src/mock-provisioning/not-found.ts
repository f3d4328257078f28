// The answer for a path under the Provisioning API that no route serves: 404 with a 4001 LogEntry.
import type { Context } from 'hono';
import { makeLogEntry } from '../model/log-entry.js';

/** `404 [4001]`, naming the method and path; used by the composing app's notFound. */
export function provisioningNotFound(c: Context, nowMs: number): Response {
  const entry = makeLogEntry(
    4001,
    {
      parameterName: 'path',
      parameterValue: c.req.path,
      message: `Resursen ${c.req.method} ${c.req.path} hittades inte.`,
    },
    new Date(nowMs),
  );
  return c.json([entry], 404);
}
