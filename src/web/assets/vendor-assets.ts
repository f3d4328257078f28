// Finds the browser files of the npm packages the pages use (Swagger UI, htmx), resolved at run time, never a CDN.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** One file a page loads, and where it lives inside its package. */
interface VendorFile {
  packageName: string;
  path: string;
  contentType: string;
}

/** URL name → package file. Only these are served (no directory listing, no path from the request). */
export const VENDOR_FILES: Readonly<Record<string, VendorFile>> = {
  'htmx.min.js': { packageName: 'htmx.org', path: 'dist/htmx.min.js', contentType: 'text/javascript' },
  'swagger-ui.css': { packageName: 'swagger-ui-dist', path: 'swagger-ui.css', contentType: 'text/css' },
  'swagger-ui-bundle.js': {
    packageName: 'swagger-ui-dist',
    path: 'swagger-ui-bundle.js',
    contentType: 'text/javascript',
  },
  'swagger-ui-standalone-preset.js': {
    packageName: 'swagger-ui-dist',
    path: 'swagger-ui-standalone-preset.js',
    contentType: 'text/javascript',
  },
  'favicon-32x32.png': {
    packageName: 'swagger-ui-dist',
    path: 'favicon-32x32.png',
    contentType: 'image/png',
  },
};

const cache = new Map<string, Buffer>();

/** The package's folder, from its package.json as Node resolves it for this module (works from a tarball). */
function packageDir(packageName: string): string {
  return dirname(require.resolve(`${packageName}/package.json`));
}

/**
 * The bytes of a vendor file, read once.
 * @throws Error when the package is not installed (a broken install: the dependency is declared).
 */
export function readVendorFile(name: string): { body: Buffer; contentType: string } | undefined {
  const file = VENDOR_FILES[name];
  if (!file) return undefined;
  let body = cache.get(name);
  if (!body) {
    body = readFileSync(join(packageDir(file.packageName), file.path));
    cache.set(name, body);
  }
  return { body, contentType: file.contentType };
}
