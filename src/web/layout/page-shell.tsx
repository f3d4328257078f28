// The frame every page shares: head (local stylesheet and scripts only), the navigation bar, and the main area.
import type { Child } from 'hono/jsx';
import { ERROR_BANNER_ID } from '../http/refuse.js';
import { WEB_PATHS } from '../web-paths.js';

const HTMX_CONFIG = JSON.stringify({
  responseHandling: [
    { code: '204', swap: false },
    { code: '[2345]..', swap: true, error: false },
    { code: '...', swap: false },
  ],
});

export type PageId = 'home' | 'live' | 'admin' | 'control' | 'docs';

export interface PageShellProps {
  title: string;
  current: PageId;
  /** Page scripts (served by the mock), loaded with `defer`. */
  scripts?: string[];
  /** Full-width main area (the live view). */
  wide?: boolean;
  children?: Child;
}

const NAV: { id: PageId; href: string; label: string }[] = [
  { id: 'home', href: WEB_PATHS.home, label: 'Home' },
  { id: 'live', href: WEB_PATHS.live, label: 'Live view' },
  { id: 'admin', href: WEB_PATHS.admin, label: 'Administration provtjänsten' },
  { id: 'docs', href: WEB_PATHS.provisioningDocs, label: 'API docs' },
  { id: 'control', href: WEB_PATHS.controlIndex, label: 'Control plane' },
];

export function PageShell({ title, current, scripts = [], wide, children }: PageShellProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · provtjanst-mock`}</title>
        <link rel="icon" href={`${WEB_PATHS.assets}/vendor/favicon-32x32.png`} />
        <link rel="stylesheet" href={`${WEB_PATHS.assets}/page.css`} />
        {/* Refusals (4xx) are swapped too: the server retargets them to the error banner. */}
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <script src={`${WEB_PATHS.assets}/vendor/htmx.min.js`} defer />
        {scripts.map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body>
        <header class="top">
          <span class="brand">
            <strong>provtjanst-mock</strong>
          </span>
          <nav>
            {NAV.map((item) => (
              <a
                href={item.href}
                aria-current={item.id === current ? 'page' : undefined}
                style="margin-right:1.2rem"
              >
                {item.label}
              </a>
            ))}
          </nav>
        </header>
        <main class={wide ? 'wide' : undefined}>
          <div id={ERROR_BANNER_ID} class="error-banner" aria-live="assertive" />
          {children}
        </main>
      </body>
    </html>
  );
}
