// GET handlers of the subset spec: the five lists, get by id, and deletedEntities, all keyset-paginated.
import type { Context } from 'hono';
import type { ReferenceApiBehaviour } from './behaviour.js';
import type { DatasetKey } from './dataset.js';
import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  type MetaFilter,
  matchesMeta,
  pageTokenConflict,
  parseLimit,
  parseMetaFilter,
  parseTime,
} from './list-query.js';
import { RESOURCE_TYPE, type ReferenceStore } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENDPOINTS = Object.values(RESOURCE_TYPE);

const bad = (c: Context, message: string) => c.json({ code: 'bad_request', message }, 400);

/** `GET /{resource}`: `{ data, pageToken }` (organisations: `{ organisations, pageToken }`, or `data` by behaviour). */
export function listHandler(store: ReferenceStore, resource: DatasetKey, behaviour: ReferenceApiBehaviour) {
  return (c: Context) => {
    const query = c.req.query();
    const meta = parseMetaFilter(query);
    if (!meta.ok) return bad(c, meta.message);
    const token = query.pageToken;
    let cursor: Cursor;
    if (token !== undefined) {
      if (meta.value.present.length > 0 && behaviour.rejectPageTokenWithFilter)
        return bad(c, pageTokenConflict(meta.value.present));
      const decoded = decodeCursor(token, resource);
      if (!decoded) return bad(c, 'pageToken is not one this API handed out');
      cursor = decoded;
    } else {
      const limit = parseLimit(query.limit, behaviour.defaultLimit, behaviour.maxLimit);
      if (!limit.ok) return bad(c, limit.message);
      cursor = {
        list: resource,
        after: '',
        limit: limit.value,
        filter: behaviour.honourFilters ? meta.value.filter : {},
      };
    }
    const filter: MetaFilter = cursor.filter;
    const limit = behaviour.paginate ? cursor.limit : Number.MAX_SAFE_INTEGER;
    const after = typeof cursor.after === 'string' && cursor.after !== '' ? cursor.after : undefined;
    const page = store.collections[resource].page(after, limit, (o) =>
      matchesMeta(filter, o.createdMs, o.modifiedMs),
    );
    const last = page.items.at(-1);
    const pageToken = page.more && last ? encodeCursor({ ...cursor, after: last.item.id }) : null;
    const items = page.items.map((o) => o.item);
    return c.json(
      resource === 'organisations'
        ? { [behaviour.organisationsKey]: items, pageToken }
        : { data: items, pageToken },
    );
  };
}

/** `GET /{resource}/{id}`: the object, 400 for a malformed id, 404 when unknown. */
export function getHandler(store: ReferenceStore, resource: DatasetKey) {
  return (c: Context) => {
    const id = c.req.param('id') ?? '';
    if (!UUID.test(id)) return bad(c, 'id must be a UUID');
    const found = store.collections[resource].get(id);
    if (!found)
      return c.json({ code: 'not_found', message: `${RESOURCE_TYPE[resource]} ${id} not found` }, 404);
    return c.json(found.item);
  };
}

const KEY_OF: Readonly<Record<string, DatasetKey>> = Object.fromEntries(
  Object.entries(RESOURCE_TYPE).map(([key, type]) => [type, key as DatasetKey]),
);

/** `GET /deletedEntities?after&entities&limit&pageToken`: ids per resource, deletions in the order they happened. */
export function deletedEntitiesHandler(store: ReferenceStore, behaviour: ReferenceApiBehaviour) {
  return (c: Context) => {
    const query = c.req.query();
    const entitiesRaw = c.req.queries('entities') ?? [];
    const named = entitiesRaw
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = named.filter((n) => !ENDPOINTS.includes(n));
    if (unknown.length > 0) return bad(c, `entities must be among ${ENDPOINTS.join(', ')}`);
    let cursor: Cursor;
    if (query.pageToken !== undefined) {
      const filters = [query.after !== undefined ? 'after' : '', named.length ? 'entities' : ''].filter(
        Boolean,
      );
      if (filters.length > 0 && behaviour.rejectPageTokenWithFilter)
        return bad(c, pageTokenConflict(filters));
      const decoded = decodeCursor(query.pageToken, 'deletedEntities');
      if (!decoded || typeof decoded.after !== 'number')
        return bad(c, 'pageToken is not one this API handed out');
      cursor = decoded;
    } else {
      const limit = parseLimit(query.limit, behaviour.defaultLimit, behaviour.maxLimit);
      if (!limit.ok) return bad(c, limit.message);
      const after = query.after === undefined ? undefined : parseTime('after', query.after);
      if (after && !after.ok) return bad(c, after.message);
      cursor = {
        list: 'deletedEntities',
        after: 0,
        limit: limit.value,
        filter: {},
        ...(after?.ok && behaviour.honourFilters ? { deletedAfter: after.value } : {}),
        entities: named.length ? named : ENDPOINTS,
      };
    }
    const wanted = new Set((cursor.entities ?? ENDPOINTS).map((type) => KEY_OF[type]));
    const data: Record<string, string[]> = {};
    for (const key of wanted)
      data[key === 'activities' ? behaviour.deletedActivitiesKey : (key as string)] = [];
    const limit = behaviour.paginate ? cursor.limit : Number.MAX_SAFE_INTEGER;
    let served = 0;
    let lastSeq = cursor.after as number;
    let more = false;
    for (const deletion of store.deletions) {
      if (deletion.seq <= lastSeq || !wanted.has(deletion.resource)) continue;
      if (cursor.deletedAfter !== undefined && deletion.deletedMs < cursor.deletedAfter) continue;
      if (served === limit) {
        more = true;
        break;
      }
      const key = deletion.resource === 'activities' ? behaviour.deletedActivitiesKey : deletion.resource;
      (data[key] as string[]).push(deletion.id);
      served += 1;
      lastSeq = deletion.seq;
    }
    return c.json({ data, pageToken: more ? encodeCursor({ ...cursor, after: lastSeq }) : null });
  };
}
