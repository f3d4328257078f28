// Page-facing routes of the token workbench (`/_mock/workbench/…`): JSON for scripts, fragments for htmx.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { readInput, textField, wantsFragment } from '../http/read-input.js';
import { refuse } from '../http/refuse.js';
import type { WebServices } from '../web-services.js';
import {
  checkPastedToken,
  MINT_FAULTS,
  type MintFault,
  mintToken,
  parseAccessType,
  WorkbenchInputError,
} from './workbench-service.js';
import { CheckReport, MintResult } from './workbench-views.js';

const CODE = 'bad_workbench_input';

/** Mounted at `/_mock/workbench`: `POST /tokens` mints, `POST /checks` judges a token. */
export function createWorkbenchRoutes(services: WebServices) {
  const app = new Hono<AppEnv>();

  app.post('/tokens', async (c) => {
    const input = await readInput(c);
    if (!input) return refuse(c, CODE, 'Send JSON or a form');
    try {
      const fault = textField(input, 'fault');
      if (fault && !(MINT_FAULTS as readonly string[]).includes(fault))
        return refuse(c, CODE, `fault must be one of ${MINT_FAULTS.join(', ')}`);
      const answer = await mintToken(services, {
        organisationNumber: textField(input, 'organisationNumber'),
        type: parseAccessType(textField(input, 'type') || 'provisioning-api'),
        location: textField(input, 'location'),
        ...(fault ? { fault: fault as MintFault } : {}),
      });
      return wantsFragment(c) ? c.html(<MintResult answer={answer} />) : c.json(answer);
    } catch (error) {
      if (error instanceof WorkbenchInputError) return refuse(c, CODE, error.message);
      throw error;
    }
  });

  app.post('/checks', async (c) => {
    const input = await readInput(c);
    if (!input) return refuse(c, CODE, 'Send JSON or a form');
    try {
      const report = await checkPastedToken(services, {
        token: textField(input, 'token'),
        type: parseAccessType(textField(input, 'type') || 'provisioning-api'),
        location: textField(input, 'location'),
        organisationId: textField(input, 'organisationId'),
      });
      return wantsFragment(c) ? c.html(<CheckReport report={report} />) : c.json(report);
    } catch (error) {
      if (error instanceof WorkbenchInputError) return refuse(c, CODE, error.message);
      throw error;
    }
  });

  return app;
}
