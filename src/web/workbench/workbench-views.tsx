// HTML fragments of the token workbench: a minted token with its curl lines, and a check report.

import type { TokenReport } from './token-checks.js';
import type { MintAnswer } from './workbench-service.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function MintResult({ answer }: { answer: MintAnswer }) {
  return (
    <div id="mint-answer" data-status={String(answer.status)}>
      <p>
        <strong>POST /transaction</strong> answered{' '}
        <span class={answer.token ? 'badge ok' : 'badge bad'}>{answer.status || 'no answer'}</span>
        {answer.fault ? <span class="badge warn"> fault armed: {answer.fault}</span> : null}
      </p>
      {answer.error ? <p class="error-text">{answer.error}</p> : null}
      {answer.token ? (
        <>
          <label for="minted-token">
            Access token (copy it into Swagger UI's Authorize, or check it below)
          </label>
          <textarea id="minted-token" readonly>
            {answer.token}
          </textarea>
          <h3>Claims</h3>
          <pre>{json(answer.claims)}</pre>
        </>
      ) : (
        <pre>{json(answer.body)}</pre>
      )}
      <h3>The same with curl</h3>
      <pre class="curl">{answer.curl.transaction}</pre>
      {answer.curl.api ? <pre class="curl">{answer.curl.api}</pre> : null}
    </div>
  );
}

const MARK = { passed: '✔ passed', failed: '✘ failed', skipped: '– skipped' } as const;
const CLASS = { passed: 'pass', failed: 'fail', skipped: 'skip' } as const;

export function CheckReport({ report }: { report: TokenReport }) {
  return (
    <div id="check-answer" data-ok={String(report.ok)}>
      <p>
        Verdict:{' '}
        <span class={report.ok ? 'badge ok' : 'badge bad'}>
          {report.ok ? 'a receiver accepts this token' : 'a receiver refuses this token'}
        </span>
      </p>
      <table class="checks">
        <thead>
          <tr>
            <th>check</th>
            <th>outcome</th>
            <th>detail</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((check) => (
            <tr data-check={check.id} data-outcome={check.outcome}>
              <td>{check.label}</td>
              <td class={CLASS[check.outcome]}>{MARK[check.outcome]}</td>
              <td class="mono">{check.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.header ? (
        <div class="grid2">
          <div>
            <h3>Header</h3>
            <pre>{json(report.header)}</pre>
          </div>
          <div>
            <h3>Claims</h3>
            <pre>{json(report.claims)}</pre>
          </div>
        </div>
      ) : null}
    </div>
  );
}
