// Administration provtjänsten, as the mock plays it: an agent picks the huvudman, then does seed 002's preparations.
import { PageShell } from '../layout/page-shell.js';
import type { WebServices } from '../web-services.js';
import {
  ContactsSection,
  FederationSection,
  NoticesSection,
  PseudonymisationSection,
  Ss12000List,
  TransfersSection,
} from './admin-sections.js';
import type { AdministrationView } from './administration.js';

export function AdminPage({ services, view }: { services: WebServices; view: AdministrationView }) {
  const { organisationId, organisationNumber, base } = view;
  const name =
    services.catalogue.organisationByNumber(organisationNumber)?.displayName ?? 'unknown to open data';
  return (
    <PageShell title="Administration provtjänsten" current="admin">
      <h1>Administration provtjänsten</h1>
      <form method="get" class="row card" style="padding:.7rem 1rem">
        <div>
          <label for="org">
            Acting for the huvudman (a power of attorney in Mina ombud, in the real service)
          </label>
          <select id="org" name="org" onchange="this.form.submit()">
            {view.organisations.map((o) => (
              <option value={o.organisationNumber} selected={o.organisationNumber === organisationNumber}>
                {`${o.displayName} (${o.organisationNumber})`}
              </option>
            ))}
          </select>
        </div>
        <div style="flex:0 0 auto">
          <button type="submit">Choose</button>
        </div>
      </form>
      <p class="muted" data-organisation={organisationId}>
        {name} · <code>{organisationId}</code> · settings as JSON:{' '}
        <a href={`${base}/settings`}>{`${base}/settings`}</a>
      </p>

      <section class="card">
        <h2 style="margin-top:0">SS 12000 APIs and subscription (Calle)</h2>
        <form
          hx-post={`${base}/ss12000-apis`}
          hx-target="#ss12000-list"
          hx-swap="outerHTML"
          hx-on--after-request="if (event.detail.successful) this.reset()"
          class="row"
          id="register-form"
        >
          <div>
            <label for="ss12000-url">Base URL of the vendor's SS 12000 API (several may be registered)</label>
            <input type="url" id="ss12000-url" name="url" placeholder="http://localhost:8091" />
          </div>
          <div style="flex:0 0 auto">
            <button type="submit" id="register-submit">
              Register and activate subscription
            </button>
          </div>
        </form>
        <div id="register-error" />
        <Ss12000List apis={view.apis} base={base} />
      </section>

      <div class="grid2">
        <section class="card">
          <h2 style="margin-top:0">E-mail addresses (Anders; CHANGELOG v1.3)</h2>
          <ContactsSection settings={view.settings} base={base} />
        </section>
        <section class="card">
          <h2 style="margin-top:0">Pseudonymisation (Anders)</h2>
          <PseudonymisationSection settings={view.settings} base={base} persons={view.protectedPersons} />
        </section>
      </div>

      <section class="card">
        <h2 style="margin-top:0">Notices: civic numbers not in the population register</h2>
        <p class="muted">
          Correct each within 10 days, or the person is removed from provtjänsten (CHANGELOG v1.3).
        </p>
        <NoticesSection {...view.notices} base={base} />
      </section>

      <section class="card">
        <h2 style="margin-top:0">Transfer status</h2>
        <TransfersSection transfers={view.transfers} base={base} />
      </section>

      <section class="card">
        <h2 style="margin-top:0">Skolfederation (Bella)</h2>
        <p class="muted">
          Upload the client certificate the vendor gave you, and its metadata: the entity joins the mock's
          federation metadata, and /transaction recognises the certificate at once.
        </p>
        <FederationSection members={view.federation} base={base} />
      </section>

      <section class="card">
        <h2 style="margin-top:0">In the vendor's system (Doris)</h2>
        <p>
          Which settings the vendor uses for transfer, and whether alias data are marked as protected, are
          chosen in the vendor's own administration, not here. With the attestation above, aliases sent
          without protection reach the platform as sent.
        </p>
      </section>
    </PageShell>
  );
}
