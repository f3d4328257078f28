// The sections of the Administration page, each a fragment htmx can swap after a change or on a timer.
import type { RegisteredApi } from '../../mock-ss12000-client/index.js';
import type { FederationMember } from './federation-upload.js';
import type { OrganisationSettings } from './organisation-settings.js';
import type { PlatformPerson } from './pseudonymisation.js';
import type { RegisterNotice, RemovalNotice } from './register-notices.js';
import type { ResourceTransfer } from './transfer-status.js';

const STATE_BADGE: Record<string, string> = {
  synced: 'ok',
  succeeded: 'ok',
  active: 'ok',
  partial: 'warn',
  failed: 'bad',
  syncing: 'run',
  running: 'run',
  queued: 'run',
  pending: 'run',
};

const Badge = ({ state }: { state: string }) => (
  <span class={`badge ${STATE_BADGE[state] ?? ''}`}>{state}</span>
);

export function Ss12000List({ apis, base }: { apis: readonly RegisteredApi[]; base: string }) {
  return (
    <div id="ss12000-list" hx-get={`${base}/ss12000-apis`} hx-trigger="every 1s" hx-swap="outerHTML">
      {apis.length === 0 ? <p class="muted">No SS 12000 API registered yet.</p> : null}
      {apis.map((api) => {
        const view = api.view();
        const jobs = api.jobs().slice(-5).reverse();
        return (
          <div
            class="card registration"
            data-url={view.url}
            data-state={view.state}
            style="padding:.6rem .9rem"
          >
            <h3 style="margin-top:0">
              <code>{view.url}</code> <Badge state={view.state} />
            </h3>
            <p>
              Subscription: <Badge state={view.subscription.state} />{' '}
              {view.subscription.id ? <span class="mono">{view.subscription.id}</span> : null}
              {view.subscription.expires ? (
                <span class="muted"> expires {view.subscription.expires}</span>
              ) : null}
              <br />
              <span class="muted">Webhook target: </span>
              <code>{view.target}</code>
            </p>
            <table>
              <thead>
                <tr>
                  <th>mirror</th>
                  {Object.keys(view.counts).map((resource) => (
                    <th>{resource}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>
                    <a href={`/_mock/ss12000/${view.urlId}`}>objects</a>
                  </td>
                  {Object.values(view.counts).map((count) => (
                    <td>{count}</td>
                  ))}
                </tr>
              </tbody>
            </table>
            <h3>
              Sync jobs <a href={`/_mock/ss12000/${view.urlId}/jobs`}>(JSON)</a>
            </h3>
            <table class="sync-jobs">
              <thead>
                <tr>
                  <th>job</th>
                  <th>kind</th>
                  <th>state</th>
                  <th>finished</th>
                  <th>stored</th>
                  <th>rejected (reported with /log)</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr data-job-state={job.state}>
                    <td class="mono">{job.jobId.slice(0, 8)}…</td>
                    <td>{job.kind}</td>
                    <td>
                      <Badge state={job.state} />
                    </td>
                    <td class="mono">{job.finishedAt ?? '—'}</td>
                    <td>{job.outcomes.reduce((sum, o) => sum + o.stored, 0)}</td>
                    <td>{job.outcomes.reduce((sum, o) => sum + o.rejected, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

export function ContactsSection({
  settings,
  base,
  saved,
}: {
  settings: OrganisationSettings;
  base: string;
  saved?: string;
}) {
  return (
    <form
      id="contacts"
      hx-patch={`${base}/settings`}
      hx-target="this"
      hx-swap="outerHTML"
      hx-vals='{"section":"contacts"}'
    >
      <label for="notice-email">E-mail for notices about protected personal data</label>
      <input
        type="email"
        id="notice-email"
        name="protectedDataNoticeEmail"
        value={settings.protectedDataNoticeEmail ?? ''}
        placeholder="skyddade.uppgifter@huvudman.se"
      />
      <label for="technical-email">E-mail of the technical contact</label>
      <input
        type="email"
        id="technical-email"
        name="technicalContactEmail"
        value={settings.technicalContactEmail ?? ''}
        placeholder="it-support@huvudman.se"
      />
      <p>
        <button type="submit">Save e-mail addresses</button>{' '}
        {saved ? <span class="badge ok">{saved}</span> : null}
      </p>
    </form>
  );
}

export function PseudonymisationSection({
  settings,
  base,
  persons,
}: {
  settings: OrganisationSettings;
  base: string;
  persons: PlatformPerson[];
}) {
  return (
    <div id="pseudonymisation">
      <form
        hx-patch={`${base}/settings`}
        hx-target="#pseudonymisation"
        hx-swap="outerHTML"
        hx-vals='{"section":"pseudonymisation"}'
      >
        <input type="hidden" name="pseudonymisationAttested" value="false" />
        <label class="inline">
          <input
            type="checkbox"
            id="attest"
            name="pseudonymisationAttested"
            value="true"
            checked={settings.pseudonymisationAttested}
          />{' '}
          We attest our existing pseudonymisation method (the platform shall not pseudonymise protected
          persons)
        </label>
        <p>
          <button type="submit">Save attestation</button>{' '}
          {settings.pseudonymisationAttested ? (
            <span class="badge ok">attested {settings.pseudonymisationAttestedAt}</span>
          ) : (
            <span class="badge">not attested: the platform pseudonymises protected persons</span>
          )}
        </p>
      </form>
      <h3>Protected persons as the test platform receives them</h3>
      {persons.length === 0 ? (
        <p class="muted">No stored person has securityMarking Sekretessmarkering or Skyddad folkbokföring.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>person</th>
              <th>securityMarking</th>
              <th>treatment</th>
              <th>name on the platform</th>
              <th>fields changed</th>
            </tr>
          </thead>
          <tbody>
            {persons.map((p) => (
              <tr data-treatment={p.treatment}>
                <td class="mono">{p.id}</td>
                <td>{p.securityMarking}</td>
                <td>{p.treatment}</td>
                <td>{`${String(p.person.givenName ?? '')} ${String(p.person.familyName ?? '')}`}</td>
                <td class="mono">{p.changed.join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function NoticesSection({
  notices,
  removed,
  base,
}: {
  notices: RegisterNotice[];
  removed: RemovalNotice[];
  base: string;
}) {
  return (
    <div id="notices" hx-get={`${base}/notices`} hx-trigger="every 3s" hx-swap="outerHTML">
      {notices.length === 0 ? (
        <p class="muted">
          No notice. (The Provisioning API checks the population register only when one is configured:
          --population-register.)
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>person</th>
              <th>civic number</th>
              <th>noticed</th>
              <th>correct by</th>
              <th>days left</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr>
                <td class="mono">{n.personId}</td>
                <td class="mono">{n.civicNo}</td>
                <td class="mono">{n.noticedAt}</td>
                <td class="mono">{n.deadline}</td>
                <td>{n.daysLeft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removed.length ? (
        <>
          <h3>Removed at the deadline</h3>
          <table>
            <tbody>
              {removed.map((r) => (
                <tr>
                  <td class="mono">{r.personId}</td>
                  <td class="mono">{r.civicNo}</td>
                  <td class="mono">{r.removedAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

export function TransfersSection({ transfers, base }: { transfers: ResourceTransfer[]; base: string }) {
  const findings = transfers.flatMap((t) =>
    t.itemsWithFindings.map((item) => ({ resource: t.resource, item })),
  );
  return (
    <div id="transfers" hx-get={`${base}/transfers`} hx-trigger="every 2s" hx-swap="outerHTML">
      <table>
        <thead>
          <tr>
            <th>resource</th>
            <th>stored</th>
            <th>jobs</th>
            <th>Success</th>
            <th>Warning</th>
            <th>Error</th>
            <th>TemporaryError</th>
            <th>Pending</th>
          </tr>
        </thead>
        <tbody>
          {transfers.map((t) => (
            <tr data-resource={t.resource}>
              <td>{t.resource}</td>
              <td>{t.stored}</td>
              <td>{t.jobs}</td>
              <td>{t.counts.Success}</td>
              <td>{t.counts.Warning}</td>
              <td>{t.counts.Error}</td>
              <td>{t.counts.TemporaryError}</td>
              <td>{t.counts.Pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {findings.length ? (
        <>
          <h3>Items with Errors or Warnings</h3>
          <table>
            <thead>
              <tr>
                <th>resource</th>
                <th>item</th>
                <th>status</th>
                <th>messages</th>
              </tr>
            </thead>
            <tbody>
              {findings.slice(0, 200).map(({ resource, item }) => (
                <tr>
                  <td>{resource}</td>
                  <td class="mono">{item.id}</td>
                  <td>
                    <Badge state={item.status === 'Error' ? 'failed' : 'partial'} /> {item.status}
                  </td>
                  <td>
                    {[...item.errors, ...item.warnings].map((entry) => (
                      <div>
                        <code>{entry.id}</code>{' '}
                        {entry.attributeName ? <code>{entry.attributeName}</code> : null} {entry.message}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

export function FederationSection({
  members,
  base,
  message,
  error,
}: {
  members: FederationMember[];
  base: string;
  message?: string;
  error?: string;
}) {
  return (
    <div id="federation">
      <form
        hx-post={`${base}/federation`}
        hx-target="#federation"
        hx-swap="outerHTML"
        hx-encoding="multipart/form-data"
      >
        <label for="federation-entity">Entity id (the organisation's identifier in the metadata)</label>
        <input
          type="text"
          id="federation-entity"
          name="entityId"
          placeholder="https://ist.huvudman.example"
        />
        <label for="federation-name">Organisation name</label>
        <input type="text" id="federation-name" name="organisationName" />
        <label for="federation-cert">Client certificate (PEM): paste it, or choose the file</label>
        <textarea id="federation-cert" name="certificatePem" placeholder="-----BEGIN CERTIFICATE-----" />
        <input type="file" name="certificateFile" accept=".pem,.crt,.cer" />
        <p>
          <button type="submit">Upload to the federation metadata</button>{' '}
          {message ? <span class="badge ok">{message}</span> : null}
          {error ? <span class="error-text">{error}</span> : null}
        </p>
      </form>
      <h3>This organisation in the federation metadata</h3>
      {members.length === 0 ? (
        <p class="muted">No entity names this organisation.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>entity id</th>
              <th>organisation</th>
              <th>client pins (SPKI sha256)</th>
              <th>issuers</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr>
                <td class="mono">{m.entityId}</td>
                <td>{m.organisation ?? '—'}</td>
                <td class="mono">
                  {m.pins.map((pin) => (
                    <div>{pin}</div>
                  ))}
                </td>
                <td>{m.issuers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
