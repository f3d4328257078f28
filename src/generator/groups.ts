// Generates groups: one Klass per class, one Undervisning group per exam activity a class (or komvux course) sits.
import type { Group } from '../model/index.js';
import type { ExamActivity } from '../open-data/index.js';
import type { ExamPlanner } from './exam-plan.js';
import type { GenerationState } from './generation-state.js';
import { CLASS_SIZE, type SlotPlan } from './organisation-plan.js';
import type { Pupil, Roster } from './pupils.js';

/** A teaching group and the exam activity it sits: the activity that links them is made from this. */
export interface TeachingGroup {
  group: Group;
  slot: SlotPlan;
  exam: ExamActivity;
}

export interface GroupsResult {
  groups: Group[];
  teaching: TeachingGroup[];
}

function groupOf(
  state: GenerationState,
  slot: SlotPlan,
  displayName: string,
  groupType: 'Klass' | 'Undervisning',
  members: readonly Pupil[],
): Group {
  return {
    id: state.ids.uuid(),
    displayName,
    groupType,
    schoolType: slot.schoolType,
    organisation: { id: slot.unit.id },
    groupMemberships: members.map((pupil) => ({ person: { id: pupil.person.id } })),
  };
}

/** `MATMAT01a-VUXGY` → `MATMAT01a`: komvux course groups are named for the course. */
function courseLabel(exam: ExamActivity): string {
  return exam.displayName.replace(/-VUXGY$/, '');
}

/** Creates every group of the rosters, in roster order: a class, then its teaching groups. */
export function createGroups(
  state: GenerationState,
  rosters: readonly Roster[],
  planner: ExamPlanner,
): GroupsResult {
  const groups: Group[] = [];
  const teaching: TeachingGroup[] = [];
  const addTeaching = (slot: SlotPlan, name: string, exam: ExamActivity, members: readonly Pupil[]) => {
    const group = groupOf(state, slot, name, 'Undervisning', members);
    groups.push(group);
    teaching.push({ group, slot, exam });
  };
  for (const { slot, cls, pupils } of rosters) {
    if (cls) {
      groups.push(groupOf(state, slot, cls.displayName, 'Klass', pupils));
      for (const sitting of planner.sittingsFor(slot, cls)) {
        const members = pupils.filter((p) =>
          sitting.sitters === 'all' ? true : sitting.sitters === 'sva' ? p.sva : !p.sva,
        );
        // Only teaching groups that sit a national test are sent (tag Group), and only with pupils in them.
        if (members.length > 0)
          addTeaching(slot, `${cls.displayName} ${sitting.label}`, sitting.exam, members);
      }
      continue;
    }
    // Komvux: every student reads one course with a national test; course groups of at most CLASS_SIZE.
    const courses = planner.vuxCourses();
    if (courses.length === 0 || pupils.length === 0) continue;
    const byCourse = new Map<ExamActivity, Pupil[]>(courses.map((exam) => [exam, []]));
    for (const pupil of pupils) byCourse.get(state.random.groups.pick(courses))?.push(pupil);
    for (const [exam, students] of byCourse) {
      for (let start = 0, n = 1; start < students.length; start += CLASS_SIZE, n++) {
        addTeaching(slot, `${courseLabel(exam)} grupp ${n}`, exam, students.slice(start, start + CLASS_SIZE));
      }
    }
  }
  return { groups, teaching };
}
