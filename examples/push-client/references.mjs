// What each item names: a duty its person, a group its members, an activity its groups and teachers' duties.

/**
 * @param {unknown} ref an ObjectReference `{ id }`
 * @returns {string | undefined}
 */
const idOf = (ref) => {
  const id = /** @type {{ id?: unknown } | undefined} */ (ref)?.id;
  return typeof id === 'string' ? id.toLowerCase() : undefined;
};

/**
 * @param {unknown} list
 * @param {(entry: Record<string, unknown>) => unknown} pick
 * @returns {string[]}
 */
const idsIn = (list, pick) =>
  Array.isArray(list) ? list.flatMap((entry) => idOf(pick(entry ?? {})) ?? []) : [];

/**
 * The ids (lower case) of the objects an item refers to, per the README's order diagram: they must be
 * stored before the item is sent.
 *
 * @example referencesOf('duties', { id: 'd1', person: { id: 'P1' } }) // ['p1']
 * @param {string} resource
 * @param {Record<string, unknown>} item
 * @returns {string[]}
 */
export function referencesOf(resource, item) {
  switch (resource) {
    case 'duties':
      return idsIn([item.person], (ref) => ref);
    case 'groups':
      return idsIn(item.groupMemberships, (m) => m.person);
    case 'activities':
      return [...idsIn(item.groups, (g) => g), ...idsIn(item.teachers, (t) => t.duty)];
    default:
      return [];
  }
}
