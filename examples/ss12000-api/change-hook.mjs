#!/usr/bin/env node
// The conformance runner's --change-hook for the reference API: makes the change PROVTJANST_CHANGE names via /_ingest.
//
//   provtjanst-mock conform ss12000 --url http://localhost:8091 --change-hook "node examples/ss12000-api/change-hook.mjs"
//
// Environment (set by the runner): PROVTJANST_CHANGE (person-update | person-delete | group-update |
// person-bulk-update), PROVTJANST_CHANGE_ID, PROVTJANST_CHANGE_IDS (comma-separated), PROVTJANST_API_URL.
// Each change is one ingest call, so the reference API sends one webhook per subscription for it.
// Exit codes: 0 done, 1 the ingest API refused or failed, 2 a change kind this hook does not know.

const base = (process.env.PROVTJANST_API_URL ?? '').replace(/\/+$/, '');
const kind = process.env.PROVTJANST_CHANGE ?? '';
const ids = (process.env.PROVTJANST_CHANGE_IDS || process.env.PROVTJANST_CHANGE_ID || '')
  .split(',')
  .filter(Boolean);

async function ingest(method, path, body) {
  const res = await fetch(`${base}/_ingest${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /_ingest${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const refId = (value) => (value && typeof value === 'object' ? value.id : undefined);
const stamp = () => new Date().toISOString().slice(11, 19);

/** The pupil and everything that names it goes in one batch: memberships, duties, and those duties in activities. */
function deletionBatch(snapshot, personIds) {
  const gone = new Set(personIds);
  const goneDuties = new Set(snapshot.duties.filter((d) => gone.has(refId(d.person))).map((d) => d.id));
  const groups = snapshot.groups
    .filter((g) => (g.groupMemberships ?? []).some((m) => gone.has(refId(m.person))))
    .map((g) => ({ ...g, groupMemberships: g.groupMemberships.filter((m) => !gone.has(refId(m.person))) }));
  const activities = snapshot.activities
    .filter((a) => (a.teachers ?? []).some((t) => goneDuties.has(refId(t.duty))))
    .map((a) => ({ ...a, teachers: a.teachers.filter((t) => !goneDuties.has(refId(t.duty))) }));
  return { upsert: { groups, activities }, delete: { duties: [...goneDuties], persons: personIds } };
}

async function main() {
  if (!base) throw new Error('PROVTJANST_API_URL is not set');
  if (ids.length === 0) throw new Error('PROVTJANST_CHANGE_ID is not set');
  switch (kind) {
    case 'person-update':
      return ingest('PATCH', `/persons/${ids[0]}`, { givenName: `Ändrad ${stamp()}` });
    case 'group-update':
      return ingest('PATCH', `/groups/${ids[0]}`, { displayName: `Ändrad grupp ${stamp()}` });
    case 'person-bulk-update': {
      const snapshot = await ingest('GET', '/snapshot');
      const wanted = new Set(ids);
      const persons = snapshot.persons
        .filter((p) => wanted.has(p.id))
        .map((p) => ({ ...p, givenName: `Ändrad ${stamp()}` }));
      return ingest('POST', '/batch', { upsert: { persons } });
    }
    case 'person-delete':
      return ingest('POST', '/batch', deletionBatch(await ingest('GET', '/snapshot'), ids));
    default:
      process.stderr.write(`change-hook: unknown PROVTJANST_CHANGE "${kind}"\n`);
      process.exitCode = 2;
  }
}

main().then(
  (answer) => {
    if (answer !== undefined)
      process.stdout.write(
        `change-hook: ${kind} of ${ids.length}: ${JSON.stringify(answer).slice(0, 300)}\n`,
      );
  },
  (error) => {
    process.stderr.write(`change-hook: ${error.message}\n`);
    process.exitCode = 1;
  },
);
