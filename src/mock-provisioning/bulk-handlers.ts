// Handlers of the bulk endpoints: submit a job (POST/PUT /R/bulk, POST /R/bulk/delete) and read its status.
import type { Context } from 'hono';
import { RESOURCE_TYPES, type ResourceName } from '../model/resource.js';
import { parseBulkItems, UUID_PATTERN } from './bulk-request.js';
import { isJobCompleted, type JobOperation, renderJobStatus } from './job.js';
import { MOCK_MESSAGES, sendLogEntry } from './log-entry-response.js';
import type { ProvisioningEnv } from './provisioning-env.js';
import type { ProvisioningService } from './provisioning-service.js';
import { parseBooleanParam } from './query-params.js';
import { readJsonBody } from './read-json-body.js';

/** The spec's 202 message (responses.202_accepted). */
export const ACCEPTED_MESSAGE =
  'Anropet har tagits emot. Återkoppling görs asynkront. Kontrollera status av asynkrona processen genom att följa URL-adressen i ’Location’-header.';

type Ctx = Context<ProvisioningEnv>;

/** `POST /R/bulk`, `PUT /R/bulk`, `POST /R/bulk/delete`: whole-call checks, then 202 with the job's Location. */
export function submitBulk(service: ProvisioningService, resource: ResourceName, operation: JobOperation) {
  return async (c: Ctx) => {
    const now = () => service.clock.now();
    let updateIfExists = false;
    if (operation === 'create') {
      const param = parseBooleanParam(c.req.query('updateIfExists'), false);
      if (!param.ok)
        return sendLogEntry(c, 2025, { parameterName: 'updateIfExists', parameterValue: param.raw }, now());
      updateIfExists = param.value;
    }
    const body = await readJsonBody(c);
    if (!body.ok)
      return sendLogEntry(
        c,
        2010,
        { parameterName: 'data', message: MOCK_MESSAGES.invalidBody(body.reason) },
        now(),
      );
    const parsed = parseBulkItems(body.value, operation);
    if (!parsed.ok) return sendLogEntry(c, 2010, parsed.details, now());
    const job = service.engine.submit(
      {
        organisationId: c.get('organisationId'),
        resource,
        operation,
        updateIfExists,
        requestId: c.get('requestId') ?? '',
        items: parsed.items,
      },
      service.faults.slowJobsMs,
    );
    const annotations = c.get('journal');
    if (annotations) annotations.notes = { ...annotations.notes, jobId: job.id, items: job.items.length };
    c.header('Location', `${service.urls.provisioning}/${resource}/bulk/jobs/${job.id}`);
    return c.json({ jobId: job.id, message: ACCEPTED_MESSAGE }, 202);
  };
}

/** The job of the path, or the answer to send instead (400 [2011] bad uuid, 404 [4001] unknown or another organisation's). */
function findJob(service: ProvisioningService, resource: ResourceName, c: Ctx) {
  const id = c.req.param('id') ?? '';
  const resourceType = RESOURCE_TYPES[resource];
  if (!UUID_PATTERN.test(id)) {
    return { answer: sendLogEntry(c, 2011, { parameterValue: id, resourceType }, service.clock.now()) };
  }
  const job = service.engine.get(c.get('organisationId'), resource, id);
  if (!job) {
    return {
      answer: sendLogEntry(
        c,
        4001,
        {
          parameterValue: id,
          message: `Bulk-jobb identifierats av angivet värden i \`path\` parameter <id> hittades inte.`,
        },
        service.clock.now(),
      ),
    };
  }
  return { job };
}

/** `GET /R/bulk/jobs/{id}?showOnlyError=`: the AsynchronousResponse. */
export function getJobStatus(service: ProvisioningService, resource: ResourceName) {
  return (c: Ctx) => {
    const showOnlyError = parseBooleanParam(c.req.query('showOnlyError'), false);
    if (!showOnlyError.ok) {
      return sendLogEntry(
        c,
        2025,
        { parameterName: 'showOnlyError', parameterValue: showOnlyError.raw },
        service.clock.now(),
      );
    }
    const found = findJob(service, resource, c);
    if (!found.job) return found.answer;
    return c.json(renderJobStatus(found.job, showOnlyError.value, service.urls.provisioning), 200);
  };
}

/** `GET /R/bulk/jobs/{id}/isCompleted`: `true` once no item is Pending. */
export function getJobCompleted(service: ProvisioningService, resource: ResourceName) {
  return (c: Ctx) => {
    const found = findJob(service, resource, c);
    if (!found.job) return found.answer;
    return c.json(isJobCompleted(found.job), 200);
  };
}
