// Handlers of the read endpoints: list with paging (GET /R), lookup (POST /R/lookup) and get by id (GET /R/{id}).
import type { Context } from 'hono';
import { RESOURCE_TYPES, type ResourceName } from '../model/resource.js';
import { UUID_PATTERN } from './bulk-request.js';
import { MOCK_MESSAGES, sendLogEntry } from './log-entry-response.js';
import { parseLookup } from './lookup-request.js';
import { decodePageToken, encodePageToken } from './page-token.js';
import type { ProvisioningEnv } from './provisioning-env.js';
import type { ProvisioningService } from './provisioning-service.js';
import { parseLimit } from './query-params.js';
import { readJsonBody } from './read-json-body.js';
import { renderListItem, renderMeta, renderObject, type StoredObject } from './stored-object.js';

type Ctx = Context<ProvisioningEnv>;

function renderFull(
  service: ProvisioningService,
  org: string,
  resource: ResourceName,
  object: StoredObject,
  nowMs: number,
) {
  return renderObject(resource, object, { nowMs, inUse: service.data.isInUse(org, resource, object.id) });
}

/** `GET /R?limit=&pageToken=`: one page in insertion order; `pageToken` is null on the last page. */
export function listObjects(service: ProvisioningService, resource: ResourceName) {
  return (c: Ctx) => {
    const nowMs = service.clock.now();
    const limit = parseLimit(c.req.query('limit'));
    if (!limit.ok) return sendLogEntry(c, 3085, { parameterName: 'limit' }, nowMs);
    let afterSeq = 0;
    const token = c.req.query('pageToken');
    if (token !== undefined) {
      const cursor = decodePageToken(token);
      if (!cursor || cursor.resource !== resource) {
        return sendLogEntry(
          c,
          2024,
          {
            parameterName: 'pageToken',
            parameterValue: token.slice(0, 200),
            message: MOCK_MESSAGES.invalidPageToken,
          },
          nowMs,
        );
      }
      afterSeq = cursor.seq;
    }
    const org = c.get('organisationId');
    const page = service.data.page(org, resource, afterSeq, limit.value);
    const data = page.items.map((object) =>
      renderListItem(resource, object, { nowMs, inUse: service.data.isInUse(org, resource, object.id) }),
    );
    const last = page.items.at(-1);
    const pageToken =
      page.more && last
        ? encodePageToken({ resource, seq: last.seq, id: last.id, created: renderMeta(last).created })
        : null;
    return c.json({ data, pageToken }, 200);
  };
}

/** `POST /R/lookup`: the organisation's objects matching any given id (persons also civic number or EPPN). */
export function lookupObjects(service: ProvisioningService, resource: ResourceName) {
  return async (c: Ctx) => {
    const nowMs = service.clock.now();
    const body = await readJsonBody(c);
    if (!body.ok)
      return sendLogEntry(
        c,
        2010,
        { parameterName: 'ids', message: MOCK_MESSAGES.invalidBody(body.reason) },
        nowMs,
      );
    const parsed = parseLookup(resource, body.value);
    if (!parsed.ok) return sendLogEntry(c, 2010, parsed.details, nowMs);
    const org = c.get('organisationId');
    const found = new Map<string, StoredObject>();
    const add = (object: StoredObject | undefined) => {
      if (object && !found.has(object.id)) found.set(object.id, object);
    };
    for (const id of parsed.query.ids) add(service.data.get(org, resource, id));
    for (const civicNo of parsed.query.civicNos)
      for (const p of service.data.personsByCivicNo(org, civicNo)) add(p);
    for (const eppn of parsed.query.eduPersonPrincipalNames)
      for (const p of service.data.personsByEppn(org, eppn)) add(p);
    return c.json(
      [...found.values()].map((object) => renderFull(service, org, resource, object, nowMs)),
      200,
    );
  };
}

/** `GET /R/{id}`: 400 [2011] for a malformed id, 404 [4001] for one the organisation does not have. */
export function getObject(service: ProvisioningService, resource: ResourceName) {
  return (c: Ctx) => {
    const nowMs = service.clock.now();
    const id = c.req.param('id') ?? '';
    const resourceType = RESOURCE_TYPES[resource];
    if (!UUID_PATTERN.test(id)) return sendLogEntry(c, 2011, { parameterValue: id, resourceType }, nowMs);
    const org = c.get('organisationId');
    const object = service.data.get(org, resource, id);
    if (!object) return sendLogEntry(c, 4001, { parameterValue: id, resourceType }, nowMs);
    return c.json(renderFull(service, org, resource, object, nowMs), 200);
  };
}
