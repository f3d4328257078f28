// The public URLs of every component, derived from one root URL, and the roots a token location may name.

export interface MockUrls {
  /** Root URL without a trailing slash, e.g. `http://localhost:8080` or `https://mock.example`. */
  root: string;
  transaction: string;
  jwks: string;
  openData: string;
  provisioning: string;
  ss12000Client: string;
  control: string;
  /**
   * Other roots that address this same mock (the local HTTP/HTTPS URLs when no --public-url was given).
   * A token location naming `<alternate><api path>` is as good as one naming the public URL.
   */
  alternateRoots: readonly string[];
}

/** Skolverket's own paths, appended to the root. */
export const API_PATHS = {
  transaction: '/transaction',
  jwks: '/.well-known/jwks.json',
  openData: '/provtjanst/open-data/v1',
  provisioning: '/provtjanst/provisioning/v1',
  ss12000Client: '/provtjanst/ss12000/klient/v1',
  control: '/_mock',
} as const;

export type ApiName = keyof typeof API_PATHS;

export function buildMockUrls(root: string, alternateRoots: readonly string[] = []): MockUrls {
  const clean = root.replace(/\/+$/, '');
  return {
    root: clean,
    transaction: clean + API_PATHS.transaction,
    jwks: clean + API_PATHS.jwks,
    openData: clean + API_PATHS.openData,
    provisioning: clean + API_PATHS.provisioning,
    ss12000Client: clean + API_PATHS.ss12000Client,
    control: clean + API_PATHS.control,
    alternateRoots: alternateRoots.map((r) => r.replace(/\/+$/, '')).filter((r) => r !== clean),
  };
}

/** The local roots a default-configured mock answers on: localhost and loopback, HTTP and HTTPS. */
export function localRoots(httpPort: number, httpsPort?: number): string[] {
  const roots = [`http://localhost:${httpPort}`, `http://127.0.0.1:${httpPort}`, `http://[::1]:${httpPort}`];
  if (httpsPort !== undefined) {
    roots.push(
      `https://localhost:${httpsPort}`,
      `https://127.0.0.1:${httpsPort}`,
      `https://[::1]:${httpsPort}`,
    );
  }
  return roots;
}

/** Every URL that names the given API of this mock: the public one first, then the alternates. */
export function acceptedBaseUrls(urls: MockUrls, api: ApiName): string[] {
  return [urls.root, ...urls.alternateRoots].map((root) => root + API_PATHS[api]);
}

/** True when `location` names this mock's API (a trailing slash is tolerated). */
export function isLocationOf(urls: MockUrls, api: ApiName, location: string): boolean {
  const wanted = location.replace(/\/+$/, '');
  return acceptedBaseUrls(urls, api).includes(wanted);
}
