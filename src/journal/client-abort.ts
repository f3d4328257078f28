// Tells when the client went away before its request was complete (an abandoned upload, a dropped socket).
import type { IncomingMessage } from 'node:http';

/** What the journal records as `error` for an exchange the client abandoned. */
export const CLIENT_ABORTED = 'aborted: the client closed the connection before the request was complete';

/**
 * True when the Node request behind `c` (a Hono context) was aborted by its client before its body was complete. Under
 * `app.request()` (no socket) it is always false.
 */
export function clientWentAway(c: { env?: { incoming?: IncomingMessage } | undefined }): boolean {
  const incoming = c.env?.incoming;
  if (!incoming) return false;
  if (incoming.complete) return false;
  return incoming.readableAborted || incoming.destroyed || incoming.errored != null;
}
