// The live view's routes (`/_mock/live…`): the page, the event stream, one exchange's evidence, and the reset.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../../app-env.js';
import { FLOW_LANES } from '../../flow-style/flow-palette.js';
import type { WebServices } from '../web-services.js';
import { toExchangeEvidence } from './exchange-evidence.js';
import type { FlowArrow } from './flow-arrow.js';
import { readJobsBoard } from './jobs-board.js';
import type { LiveHub } from './live-hub.js';
import { LivePage } from './live-page.js';

/** How often the stream sends what arrived (a presentation throttle, on wall time like the browser's). */
export const FLUSH_MS = 250;
/** At most this many arrows per flush; older ones in the same flush are counted as skipped. */
export const MAX_ARROWS_PER_FLUSH = 120;
const BOARD_EVERY_FLUSHES = 4;
const HEARTBEAT_FLUSHES = 60;

function faultState(services: WebServices) {
  return { provisioning: services.provisioning.faults.view(), auth: services.auth.faults.get() };
}

function boardOf(services: WebServices, hub: LiveHub) {
  return { board: readJobsBoard(services, 12, hub.organisations), faults: faultState(services) };
}

/** Mounted at `/_mock/live`. */
export function createLiveRoutes(services: WebServices, hub: LiveHub) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => c.html(<LivePage />));

  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      let pending: FlowArrow[] = [];
      let skipped = 0;
      let resetAsked = false;
      let open = true;
      const off = hub.subscribe((event) => {
        if (event.type === 'reset') {
          resetAsked = true;
          pending = [];
          skipped = 0;
          return;
        }
        pending.push(event.arrow);
        if (pending.length > MAX_ARROWS_PER_FLUSH) {
          pending.shift();
          skipped += 1;
        }
      });
      stream.onAbort(() => {
        open = false;
        off();
      });
      await stream.writeSSE({
        event: 'hello',
        data: JSON.stringify({ lanes: FLOW_LANES, arrows: hub.recent(), ...boardOf(services, hub) }),
      });
      let flushes = 0;
      while (open) {
        await stream.sleep(FLUSH_MS);
        flushes += 1;
        if (resetAsked) {
          resetAsked = false;
          await stream.writeSSE({ event: 'reset', data: '{}' });
        }
        if (pending.length) {
          const batch = { arrows: pending, skipped };
          pending = [];
          skipped = 0;
          await stream.writeSSE({ event: 'arrows', data: JSON.stringify(batch) });
        }
        if (flushes % BOARD_EVERY_FLUSHES === 0) {
          await stream.writeSSE({ event: 'board', data: JSON.stringify(boardOf(services, hub)) });
        }
        if (flushes % HEARTBEAT_FLUSHES === 0) await stream.write(': keep-alive\n\n');
      }
    }),
  );

  app.get('/board', (c) => c.json(boardOf(services, hub)));

  app.get('/exchanges/:seq', (c) => {
    const seq = Number(c.req.param('seq'));
    const found = Number.isInteger(seq) ? services.journal.entries().find((e) => e.seq === seq) : undefined;
    return found
      ? c.json(toExchangeEvidence(found))
      : c.json(
          { code: 'not_found', message: `No journal entry ${c.req.param('seq')} (it may have been dropped)` },
          404,
        );
  });

  app.post('/reset', (c) => {
    services.journal.clear();
    services.provisioning.reset();
    services.provisioning.faults.clear();
    services.auth.faults.clear();
    hub.reset();
    return c.json({ reset: ['journal', 'provisioning data and jobs', 'provisioning faults', 'auth faults'] });
  });

  return app;
}
