// The live view for trainers: the sequence diagram of recent traffic, the jobs board, fault switches and a reset.

import { CALL_KIND_COLOURS, FLOW_LANES, STATUS_CLASSES } from '../../flow-style/flow-palette.js';
import { PageShell } from '../layout/page-shell.js';
import { WEB_PATHS } from '../web-paths.js';

export function LivePage() {
  return (
    <PageShell title="Live view" current="live" wide scripts={[`${WEB_PATHS.assets}/live.js`]}>
      <div class="live-top">
        <h1 style="margin:0">Live view</h1>
        <span class="legend">
          {Object.entries(CALL_KIND_COLOURS).map(([kind, colour]) => (
            <span class="legend-item">
              <span class="swatch" style={`background:${colour}`} />
              {kind}
            </span>
          ))}
          <span class="muted">answer:</span>
          {STATUS_CLASSES.map((entry) => (
            <span class="legend-item">
              <span class="dot" style={`background:${entry.colour}`} />
              {entry.label}
            </span>
          ))}
        </span>
        <span id="live-stats" class="muted">
          connecting…
        </span>
        <label class="inline">
          <input type="checkbox" id="follow" checked /> follow
        </label>
        <button id="reset" class="danger" type="button">
          Reset
        </button>
      </div>
      <div class="live-layout">
        <section class="diagram card" aria-label="sequence diagram">
          <div class="lanes" id="lanes" style={`--lanes:${FLOW_LANES.length}`}>
            {FLOW_LANES.map((lane) => (
              <div class="lane-head" style={`border-color:${lane.colour};color:${lane.colour}`}>
                {lane.label}
              </div>
            ))}
          </div>
          <div class="rows" id="rows" style={`--lanes:${FLOW_LANES.length}`} />
        </section>
        <aside class="side">
          <section class="card" id="faults">
            <h2 style="margin-top:0">Fault switches</h2>
            <label class="inline">
              <input type="checkbox" id="fault-unavailable" /> Provisioning API unavailable (503 [5022])
            </label>
            <button type="button" class="secondary" id="fault-window">
              503 for the next 30 s
            </button>
            <label for="fault-temporary">TemporaryError rate</label>
            <select id="fault-temporary">
              <option value="0">none</option>
              <option value="0.1">10 %</option>
              <option value="0.5">50 %</option>
              <option value="1">every item</option>
            </select>
            <label for="fault-slow">Slow jobs (extra time before a job settles)</label>
            <select id="fault-slow">
              <option value="0">no delay</option>
              <option value="2000">2 s</option>
              <option value="10000">10 s</option>
              <option value="30000">30 s</option>
            </select>
            <label for="fault-token">Next token from /transaction</label>
            <select id="fault-token">
              <option value="">normal</option>
              <option value="expired">expired</option>
              <option value="notYetValid">not yet valid</option>
              <option value="wrongLocation">naming another API</option>
              <option value="wrongOrganisation">naming another huvudman</option>
              <option value="unknownKid">signed with an unpublished key</option>
              <option value="badSignature">with a bad signature</option>
              <option value="fail">refused with 503</option>
            </select>
            <p id="fault-state" class="muted mono" />
          </section>
          <section class="card">
            <h2 style="margin-top:0">Jobs</h2>
            <div id="jobs" class="jobs">
              <p class="muted">No job yet.</p>
            </div>
            <h3>SS12000 client syncs</h3>
            <div id="syncs">
              <p class="muted">No SS 12000 API registered.</p>
            </div>
          </section>
        </aside>
      </div>
      <dialog id="evidence" class="evidence">
        <form method="dialog">
          <button type="submit" class="secondary" style="float:right">
            Close
          </button>
        </form>
        <h2 id="evidence-title">Exchange</h2>
        <div class="grid2">
          <div>
            <h3>Request</h3>
            <pre id="evidence-request" />
          </div>
          <div>
            <h3>Answer</h3>
            <pre id="evidence-response" />
          </div>
        </div>
      </dialog>
    </PageShell>
  );
}
