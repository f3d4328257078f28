// The home page: what runs where, the contracts and their docs, downloads, the journal, and the token workbench.
import { ACCESS_TYPES } from '../../mock-auth/index.js';
import { SERVED_SPECS, type SpecName } from '../api-docs/served-specs.js';
import { PageShell } from '../layout/page-shell.js';
import { WEB_PATHS } from '../web-paths.js';
import type { WebServices } from '../web-services.js';
import { defaultLocation, MINT_FAULTS } from '../workbench/workbench-service.js';

interface Component {
  name: string;
  urls: { label: string; url: string }[];
  spec?: SpecName;
}

function components(services: WebServices): Component[] {
  const { urls, settings } = services;
  return [
    {
      name: 'Authorization server (nutid-auth)',
      urls: [
        { label: 'token (mTLS)', url: `https://localhost:${settings.httpsPort}/transaction` },
        { label: 'JWKS', url: urls.jwks },
      ],
    },
    { name: 'Open-data API', urls: [{ label: 'base URL', url: urls.openData }], spec: 'open-data-api' },
    {
      name: 'Provisioning API',
      urls: [{ label: 'base URL', url: urls.provisioning }],
      spec: 'provisioning-api',
    },
    {
      name: 'SS12000 client (pull)',
      urls: [{ label: 'webhooks base URL', url: urls.ss12000Client }],
      spec: 'ss12000-subset',
    },
    { name: 'Control plane', urls: [{ label: 'index', url: urls.control }] },
  ];
}

function OrganisationOptions({
  organisations,
}: {
  organisations: WebServices['catalogue']['organisations'];
}) {
  return (
    <>
      {organisations.map((o) => (
        <option value={o.organisationNumber}>{`${o.displayName} (${o.organisationNumber})`}</option>
      ))}
    </>
  );
}

export function HomePage({ services }: { services: WebServices }) {
  const organisations = services.catalogue.organisations;
  const locations = Object.fromEntries(
    ACCESS_TYPES.map((type) => [type, defaultLocation(services, type) ?? '']),
  );
  return (
    <PageShell title="Home" current="home" scripts={[`${WEB_PATHS.assets}/home.js`]}>
      <h1>provtjanst-mock</h1>
      <p class="muted">
        A local stand-in for Skolverket's provtjänst: the authorization server, open data, the Provisioning
        API and the SS12000 client, with a control plane around them. Clock: {services.clock.kind}.
      </p>

      <section class="card" id="running">
        <h2 style="margin-top:0">What is running</h2>
        <table>
          <thead>
            <tr>
              <th>component</th>
              <th>URLs</th>
              <th>contract</th>
              <th>docs</th>
            </tr>
          </thead>
          <tbody>
            {components(services).map((component) => (
              <tr>
                <td>{component.name}</td>
                <td>
                  {component.urls.map((entry) => (
                    <div>
                      <span class="muted">{entry.label}: </span>
                      <code>{entry.url}</code>
                    </div>
                  ))}
                </td>
                <td>
                  {component.spec ? (
                    <a href={`${WEB_PATHS.specs}/${component.spec}.yaml`}>
                      {SERVED_SPECS[component.spec].file}
                    </a>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td>
                  {component.spec ? (
                    <a href={SERVED_SPECS[component.spec].docsPath}>Swagger UI</a>
                  ) : component.name === 'Control plane' ? (
                    <a href={WEB_PATHS.controlIndex}>index</a>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div class="grid2">
        <section class="card" id="downloads">
          <h2 style="margin-top:0">Certificates</h2>
          <p>
            <a class="button" href={`${WEB_PATHS.downloads}/ca.pem`} download="ca.pem">
              Download the dev CA
            </a>{' '}
            <span class="muted">trust it for the mock's HTTPS server certificate</span>
          </p>
          <form method="get" action={`${WEB_PATHS.downloads}/client`}>
            <label for="download-organisation">Client certificate of the organisation</label>
            <select id="download-organisation" name="organisationNumber">
              <OrganisationOptions organisations={organisations} />
            </select>
            <div class="row" style="margin-top:.5rem">
              <select name="file" aria-label="file">
                <option value="client.pem">client.pem (certificate)</option>
                <option value="client-key.pem">client-key.pem (private key)</option>
                <option value="ca.pem">ca.pem (dev CA)</option>
              </select>
              <button type="submit">Download</button>
            </div>
          </form>
        </section>
        <section class="card" id="journal">
          <h2 style="margin-top:0">Journal</h2>
          <p>Every request and answer the mock saw or made, tokens cut to their fingerprints.</p>
          <p>
            <a href="/_mock/journal?limit=100">latest 100 entries (JSON)</a> ·{' '}
            <a href="/_mock/journal.har">HAR 1.2 export</a> · <a href={WEB_PATHS.live}>live view</a>
          </p>
          <p class="muted">
            Administration provtjänsten for a huvudman: <a href={WEB_PATHS.admin}>open it</a>.
          </p>
        </section>
      </div>

      <section class="card" id="workbench" data-locations={JSON.stringify(locations)}>
        <h2 style="margin-top:0">Token workbench</h2>
        <div class="grid2">
          <form hx-post={`${WEB_PATHS.workbench}/tokens`} hx-target="#mint-result" id="mint-form">
            <h3>Mint a token over the real /transaction</h3>
            <p class="muted">
              The mock sends the GNAP request itself, over mutual TLS, with the organisation's dev
              certificate.
            </p>
            <label for="mint-organisation">Organisation</label>
            <select id="mint-organisation" name="organisationNumber">
              <OrganisationOptions organisations={organisations} />
            </select>
            <label for="mint-type">Access type</label>
            <select id="mint-type" name="type">
              {ACCESS_TYPES.map((type) => (
                <option value={type}>{type}</option>
              ))}
            </select>
            <label for="mint-location">Location (empty: this mock's API of that type)</label>
            <input
              type="text"
              id="mint-location"
              name="location"
              placeholder={locations['provisioning-api']}
            />
            <label for="mint-fault">Defect (a fault knob armed for this one token)</label>
            <select id="mint-fault" name="fault">
              <option value="">none</option>
              {MINT_FAULTS.map((fault) => (
                <option value={fault}>{fault}</option>
              ))}
            </select>
            <p>
              <button type="submit" id="mint-submit">
                Mint token
              </button>
            </p>
            <div id="mint-result" aria-live="polite" />
          </form>
          <form hx-post={`${WEB_PATHS.workbench}/checks`} hx-target="#check-result" id="check-form">
            <h3>Decode and verify a token</h3>
            <p class="muted">Each check Skolverket's receivers make, against the mock's JWKS and clock.</p>
            <label for="check-token">JWT</label>
            <textarea id="check-token" name="token" placeholder="eyJ…" />
            <label for="check-type">Receiver's access type</label>
            <select id="check-type" name="type">
              {ACCESS_TYPES.map((type) => (
                <option value={type}>{type}</option>
              ))}
            </select>
            <label for="check-location">Receiver's base URL (empty: this mock's API of that type)</label>
            <input type="text" id="check-location" name="location" />
            <label for="check-organisation">Expected organisation (optional)</label>
            <input type="text" id="check-organisation" name="organisationId" placeholder="SE5567044268" />
            <p>
              <button type="submit" id="check-submit">
                Check token
              </button>
            </p>
            <div id="check-result" aria-live="polite" />
          </form>
        </div>
      </section>
    </PageShell>
  );
}
