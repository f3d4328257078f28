// `provtjanst-mock ss12000 register|list|sync|unregister`: drives a running mock's SS12000 client control plane.
import { parseArgs } from 'node:util';

const USAGE = `Usage: provtjanst-mock ss12000 <subcommand> [options]

Subcommands:
  register --org N --url U     Register a vendor SS 12000 API (subscribes, then runs a full sync)
  list [--org N]               List registrations with their state and last sync
  sync --url-id X              Run a full sync of one registration now
  unregister --url-id X        Remove a registration and delete its subscription at the vendor

Options:
  --mock-url URL   The running mock (default $PROVTJANST_MOCK_URL or http://localhost:8080)
  --control-token T  The mock's control token, when it listens beyond loopback
                   (default $PROVTJANST_CONTROL_TOKEN; see docs/auth.md)
  --wait           register/sync: wait until the sync has finished (exit 1 unless it succeeded)
  --timeout S      Seconds --wait waits at most (default 300)
  --json           Print the control plane's JSON answer`;

interface SyncSummary {
  jobId: string;
  state: string;
  stored: number;
  rejected: number;
  failedResources: string[];
}

interface RegistrationView {
  urlId: string;
  organisationNumber: string;
  url: string;
  target: string;
  state: string;
  subscription: { state: string; id?: string; expires?: string };
  currentJob: SyncSummary | null;
  lastSync: SyncSummary | null;
  counts: Record<string, number>;
}

class CliFailure extends Error {}

/** Sent as `Authorization: Bearer` on every control-plane call when set. */
let controlToken: string | undefined;

async function call(method: string, url: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(controlToken ? { authorization: `Bearer ${controlToken}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new CliFailure(`cannot reach the mock at ${new URL(url).origin}: ${(error as Error).message}`);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const message = (json as { message?: string } | undefined)?.message ?? text;
    if (res.status === 401)
      throw new CliFailure(
        `${method} ${new URL(url).pathname} answered 401: ${message} (give --control-token or set PROVTJANST_CONTROL_TOKEN)`,
      );
    throw new CliFailure(`${method} ${new URL(url).pathname} answered ${res.status}: ${message}`);
  }
  return json;
}

function describe(view: RegistrationView): string {
  const counts = Object.entries(view.counts)
    .map(([resource, n]) => `${resource} ${n}`)
    .join(', ');
  const last = view.lastSync
    ? `${view.lastSync.state} (${view.lastSync.stored} stored, ${view.lastSync.rejected} rejected${
        view.lastSync.failedResources.length ? `, failed: ${view.lastSync.failedResources.join(', ')}` : ''
      })`
    : 'none yet';
  return [
    `${view.urlId}  ${view.organisationNumber}  ${view.url}`,
    `  state: ${view.state}   subscription: ${view.subscription.state}${view.subscription.expires ? ` until ${view.subscription.expires}` : ''}`,
    `  target: ${view.target}`,
    `  last sync: ${last}`,
    `  mirror: ${counts}`,
  ].join('\n');
}

/** Polls the registration until `jobId` (or any first sync) has finished, in real time. */
async function waitForSync(
  base: string,
  urlId: string,
  jobId: string | undefined,
  timeoutS: number,
): Promise<RegistrationView> {
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const view = (await call('GET', `${base}/admin/ss12000-apis/${urlId}`)) as RegistrationView;
    // lastSync is set only when a job has finished: the first one (register) or the one asked for (sync).
    if (view.lastSync && (!jobId || view.lastSync.jobId === jobId)) return view;
    if (Date.now() > deadline) throw new CliFailure(`the sync did not finish within ${timeoutS} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs the `ss12000` command; returns the exit code (0 ok, 1 failed, 2 usage). */
export async function runSs12000Command(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      url: { type: 'string' },
      'url-id': { type: 'string' },
      'mock-url': { type: 'string' },
      'control-token': { type: 'string' },
      wait: { type: 'boolean' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [sub] = positionals;
  if (values.help || !sub) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const mockUrl = (values['mock-url'] ?? process.env.PROVTJANST_MOCK_URL ?? 'http://localhost:8080').replace(
    /\/+$/,
    '',
  );
  const base = `${mockUrl}/_mock`;
  controlToken = values['control-token'] ?? process.env.PROVTJANST_CONTROL_TOKEN ?? undefined;
  const timeout = Number(values.timeout ?? 300);
  const print = (json: unknown, text: string) =>
    console.log(values.json ? JSON.stringify(json, null, 2) : text);
  const needs = (name: 'org' | 'url' | 'url-id') => {
    const value = values[name];
    if (!value) throw new CliFailure(`${sub} needs --${name}`);
    return value;
  };

  try {
    if (sub === 'register') {
      const view = (await call('POST', `${base}/admin/ss12000-apis`, {
        organisationNumber: needs('org'),
        url: needs('url'),
      })) as RegistrationView;
      if (!values.wait) {
        print(view, `Registered ${view.url} as ${view.urlId}\n  webhook target: ${view.target}`);
        return 0;
      }
      const done = await waitForSync(base, view.urlId, undefined, timeout);
      print(done, describe(done));
      return done.lastSync?.state === 'succeeded' ? 0 : 1;
    }
    if (sub === 'list') {
      const query = values.org ? `?organisationNumber=${encodeURIComponent(values.org)}` : '';
      const answer = (await call('GET', `${base}/admin/ss12000-apis${query}`)) as {
        registrations: RegistrationView[];
      };
      print(answer, answer.registrations.map(describe).join('\n\n') || 'No SS 12000 APIs are registered.');
      return 0;
    }
    if (sub === 'sync') {
      const urlId = needs('url-id');
      const job = (await call('POST', `${base}/admin/ss12000-apis/${encodeURIComponent(urlId)}/sync`)) as {
        jobId: string;
      };
      if (!values.wait) {
        print(job, `Full sync queued as job ${job.jobId}`);
        return 0;
      }
      const done = await waitForSync(base, urlId, job.jobId, timeout);
      print(done, describe(done));
      return done.lastSync?.state === 'succeeded' ? 0 : 1;
    }
    if (sub === 'unregister') {
      const urlId = needs('url-id');
      const answer = (await call('DELETE', `${base}/admin/ss12000-apis/${encodeURIComponent(urlId)}`)) as {
        subscriptionDeleted: boolean;
      };
      print(
        answer,
        `Removed ${urlId}; subscription at the vendor ${answer.subscriptionDeleted ? 'deleted' : 'NOT deleted'}`,
      );
      return 0;
    }
    console.error(`provtjanst-mock ss12000: unknown subcommand "${sub}"\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    console.error(`provtjanst-mock ss12000: ${error.message}`);
    return error.message.includes(' needs --') ? 2 : 1;
  }
}
