// `provtjanst-mock ss12000 register|list|sync|unregister`: drives a running mock's SS12000 client control plane.
import { CliUsageError, parseCommandArgs, printUsageError, secondsFlag } from './args.js';
import { MockUnreachableError, networkFailureWords } from './mock-connection.js';

const USAGE = `Usage: provtjanst-mock ss12000 <subcommand> [options]

Subcommands:
  register --org N --url U     Register a vendor SS 12000 API (subscribes, then runs a full sync)
  list [--org N]               List registrations with their state and last sync
  sync --url-id X              Run a full sync of one registration now
  unregister --url-id X        Remove a registration and delete its subscription at the vendor

Options:
  --mock-url URL   The running mock (default $PROVTJANST_MOCK_URL, else http://localhost:8080)
  --control-token T  The mock's control token, when it listens beyond loopback
                   (default $PROVTJANST_CONTROL_TOKEN; see docs/auth.md)
  --wait           register/sync: wait until the sync has finished (exit 1 unless it succeeded; default off)
  --timeout S      Seconds --wait waits at most (default 300)
  --json           Print the control plane's JSON answer (default off)
  -h, --help       Show this help

Exit codes: 0 done; 1 the mock refused or the sync failed; 2 a bad option, or no mock answers at --mock-url.`;

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

const OPTIONS = {
  org: { type: 'string' },
  url: { type: 'string' },
  'url-id': { type: 'string' },
  'mock-url': { type: 'string' },
  'control-token': { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
    throw new MockUnreachableError(new URL(url).origin, networkFailureWords(error));
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
    `urlId ${view.urlId}  organisation ${view.organisationNumber}  ${view.url}`,
    `  state: ${view.state}   subscription: ${view.subscription.state}${view.subscription.expires ? ` until ${view.subscription.expires}` : ''}`,
    `  target: ${view.target}`,
    `  last sync: ${last}`,
    `  mirror: ${counts}`,
  ].join('\n');
}

interface FailedCall {
  message: string;
  url: string;
  attempts?: number;
}

interface SyncJobDetail {
  outcomes?: { resourceType: string; error?: FailedCall }[];
  stoppedBecause?: string;
}

/** "POST /subscriptions: connection refused (3 tries)": one failed call of the mock's client, in words. */
export function describeFailedCall(method: string, error: FailedCall): string {
  const { pathname, search } = new URL(error.url);
  const cause = error.message.startsWith('network error') ? networkFailureWords(error) : error.message;
  const tries = error.attempts && error.attempts > 1 ? ` (${error.attempts} tries)` : '';
  return `${method} ${pathname}${search}: ${cause}${tries}`;
}

/** Why a finished sync did not succeed: the subscription's error and each failed resource's, one per line. */
async function failureCauses(base: string, view: RegistrationView): Promise<string[]> {
  const causes: string[] = [];
  const subscriptionError = (view.subscription as { error?: FailedCall }).error;
  if (subscriptionError) causes.push(describeFailedCall('POST', subscriptionError));
  if (view.lastSync) {
    const job = (await call(
      'GET',
      `${base}/ss12000/${encodeURIComponent(view.urlId)}/jobs/${encodeURIComponent(view.lastSync.jobId)}`,
    )) as SyncJobDetail;
    for (const outcome of job.outcomes ?? []) {
      if (outcome.error) causes.push(describeFailedCall('GET', outcome.error));
    }
    if (causes.length === 0 && job.stoppedBecause) causes.push(job.stoppedBecause);
  }
  return [...new Set(causes)];
}

/** Prints the finished registration and, when the sync failed, why; returns the exit code. */
async function reportFinished(
  base: string,
  done: RegistrationView,
  print: (json: unknown, text: string) => void,
): Promise<number> {
  if (done.lastSync?.state === 'succeeded') {
    print(done, describe(done));
    return 0;
  }
  const causes = await failureCauses(base, done);
  print(done, [describe(done), ...causes.map((cause) => `  cause: ${cause}`)].join('\n'));
  return 1;
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
  let parsed: ReturnType<typeof parseCommandArgs>;
  let timeout: number;
  try {
    parsed = parseCommandArgs(argv, OPTIONS);
    timeout = secondsFlag('timeout', parsed.values.timeout) ?? 300;
  } catch (error) {
    if (error instanceof CliUsageError) return printUsageError('ss12000', error);
    throw error;
  }
  const values = parsed.values as {
    org?: string;
    url?: string;
    'url-id'?: string;
    'mock-url'?: string;
    'control-token'?: string;
    wait?: boolean;
    json?: boolean;
    help?: boolean;
  };
  const [sub] = parsed.positionals;
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
      return reportFinished(base, await waitForSync(base, view.urlId, undefined, timeout), print);
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
      return reportFinished(base, await waitForSync(base, urlId, job.jobId, timeout), print);
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
    if (error instanceof MockUnreachableError) {
      console.error(`provtjanst-mock ss12000: ${error.message}`);
      return 2;
    }
    if (!(error instanceof CliFailure)) throw error;
    console.error(`provtjanst-mock ss12000: ${error.message}`);
    return error.message.includes(' needs --') ? 2 : 1;
  }
}
