// A Swagger UI page for one contract: the bundle and stylesheet from swagger-ui-dist, served by the mock.
import { WEB_PATHS } from '../web-paths.js';
import type { ServedSpec } from './served-specs.js';

export function SwaggerPage({ spec }: { spec: ServedSpec }) {
  const vendor = `${WEB_PATHS.assets}/vendor`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${spec.title} · Swagger UI · provtjanst-mock`}</title>
        <link rel="icon" href={`${vendor}/favicon-32x32.png`} />
        <link rel="stylesheet" href={`${vendor}/swagger-ui.css`} />
        <link rel="stylesheet" href={`${WEB_PATHS.assets}/page.css`} />
        <script src={`${vendor}/swagger-ui-bundle.js`} defer />
        <script src={`${WEB_PATHS.assets}/swagger-init.js`} defer />
      </head>
      <body>
        <header class="top">
          <a href={WEB_PATHS.home}>
            <strong>provtjanst-mock</strong>
          </a>
          <a href={WEB_PATHS.provisioningDocs}>Provisioning API</a>
          <a href={WEB_PATHS.openDataDocs}>Open-data API</a>
          <a href={WEB_PATHS.ss12000Docs}>SS 12000 subset</a>
          <a href={`${WEB_PATHS.home}#workbench`}>Get a token</a>
        </header>
        <p id="token-hint" class="notice" style="margin:.6rem 1.2rem" hidden>
          Authorized with the token from the workbench (kept in this browser only).
        </p>
        <div
          id="swagger-ui"
          data-spec-url={`${WEB_PATHS.specs}/${spec.name}.json`}
          data-bearer={spec.name === 'provisioning-api' ? 'BearerAuth' : ''}
        />
      </body>
    </html>
  );
}
