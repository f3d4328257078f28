// The startup banner: every base URL, where the dev CA and a ready client certificate are, and a token curl.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RunningMock } from '../server.js';

export interface BannerFiles {
  caCertPath: string;
  clientCertPath: string;
  clientKeyPath: string;
  organisationNumber: string;
}

/** base64 SHA-256 of the certificate's DER: the `cert#S256` a client puts in `client.key`. */
function certThumbprint(pemPath: string): string {
  return createHash('sha256')
    .update(new X509Certificate(readFileSync(pemPath)).raw)
    .digest('base64');
}

/** A curl command that fetches a provisioning-api token over mTLS with the ready client certificate. */
export function tokenCurl(running: RunningMock, files: BannerFiles): string {
  const body = JSON.stringify({
    access_token: [
      { access: [{ type: 'provisioning-api', locations: [running.urls.provisioning] }], flags: ['bearer'] },
    ],
    client: { key: { proof: 'mtls', 'cert#S256': certThumbprint(files.clientCertPath) } },
  });
  return [
    `curl --cacert ${files.caCertPath} --cert ${files.clientCertPath} --key ${files.clientKeyPath} \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d '${body}' \\`,
    `  ${running.localHttpsUrl}/transaction`,
  ].join('\n');
}

/** A curl command that gets a token over plain HTTP without a certificate: what --insecure-dev-auth is for. */
export function insecureTokenCurl(running: RunningMock, organisationNumber: string): string {
  const body = JSON.stringify({
    access_token: [
      { access: [{ type: 'provisioning-api', locations: [running.urls.provisioning] }], flags: ['bearer'] },
    ],
    client: { key: { proof: 'insecure-dev', organization_id: `SE${organisationNumber}` } },
  });
  return [
    `curl -H 'content-type: application/json' \\`,
    `  -d '${body}' \\`,
    `  ${running.urls.transaction}`,
  ].join('\n');
}

/** The flags `token` needs to find this mock, when it does not run where `token` looks by default. */
function tokenCommandFlags(running: RunningMock): string {
  const httpsPort = new URL(running.localHttpsUrl).port;
  return [
    running.urls.root === 'http://localhost:8080' ? '' : ` --mock-url ${running.urls.root}`,
    httpsPort === '8443' ? '' : ` --https-port ${httpsPort}`,
  ].join('');
}

const INSECURE_WARNING = [
  '!!! INSECURE DEV AUTH IS ON: plain-HTTP /transaction trusts client.key without a certificate.',
  '!!! Tokens it issues say auth_source "insecure-dev". Never expose this mock beyond your machine.',
];

/** Where the control plane is open, or the token it needs (printed only when the mock made it up). */
export function controlLines(running: RunningMock): string[] {
  const control = running.mock.services.control;
  if (!control.guarded)
    return [`  control token         none: the control plane is open, as the mock listens on loopback only`];
  return control.generated
    ? [
        `  control token         ${control.token}`,
        `                        (generated: /_mock/** needs "Authorization: Bearer <token>";`,
        `                         the CLI reads it from --control-token or PROVTJANST_CONTROL_TOKEN)`,
      ]
    : [`  control token         the one given with --control-token (/_mock/** needs it as a Bearer token)`];
}

export function renderBanner(running: RunningMock, files?: BannerFiles, insecureDevAuth = false): string {
  const { urls } = running;
  const lines = [
    ...(insecureDevAuth ? [...INSECURE_WARNING, ''] : []),
    'provtjanst-mock is running',
    '',
    `  HTTP   ${running.localHttpUrl}`,
    `  HTTPS  ${running.localHttpsUrl}   (mTLS: client certificates are requested)`,
    '',
    `  authorization server  ${urls.transaction}   (POST; mTLS on the HTTPS port)`,
    `  JWKS                  ${urls.jwks}`,
    `  open-data API         ${urls.openData}`,
    `  Provisioning API      ${urls.provisioning}`,
    `  SS12000 client        ${urls.ss12000Client}`,
    `  control plane         ${urls.control}   (journal: ${urls.control}/journal, HAR: ${urls.control}/journal.har)`,
    ...controlLines(running),
    '',
    'The mock keeps its data in memory: stopping it (Ctrl-C) forgets what was pushed.',
  ];
  if (files) {
    lines.push(
      '',
      `  dev CA                ${files.caCertPath}`,
      `  client certificate    ${files.clientCertPath} (organisation ${files.organisationNumber})`,
      `  client key            ${files.clientKeyPath}`,
      '',
      `Get a token (prints it): provtjanst-mock token --org ${files.organisationNumber}${tokenCommandFlags(running)}`,
      'or by hand, over mTLS:',
      tokenCurl(running, files),
    );
  }
  if (insecureDevAuth) {
    lines.push(
      '',
      'Without a certificate (insecure dev auth, plain HTTP):',
      insecureTokenCurl(running, files?.organisationNumber ?? '5567044268'),
      '',
      INSECURE_WARNING[0] as string,
    );
  }
  return lines.join('\n');
}
