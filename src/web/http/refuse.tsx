// A refused page-facing request: a coded JSON error for scripts, a short message fragment for htmx.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { wantsFragment } from './read-input.js';

/** Where the page shell shows a refused htmx request (see page-shell.tsx). */
export const ERROR_BANNER_ID = 'web-error';

export function refuse(c: Context, code: string, message: string, status: ContentfulStatusCode = 400) {
  if (wantsFragment(c)) {
    // The form's own target keeps its content; the message goes to the page's banner.
    c.header('HX-Retarget', `#${ERROR_BANNER_ID}`);
    c.header('HX-Reswap', 'innerHTML');
  }
  return wantsFragment(c)
    ? c.html(
        <p class="error-text" data-code={code}>
          {message}
        </p>,
        status,
      )
    : c.json({ code, message }, status);
}
