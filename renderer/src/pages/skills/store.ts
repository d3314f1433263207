import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { SkillId } from '../../../../main/skills/schema';
import type { Assessment, AssessmentSummary } from '../../../../main/skills/schema-results';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { downloadReport } from '../interviews/files';

export type SkillsView = 'people' | 'assess' | 'models' | 'weights';

export interface PersonRow {
  id: string;
  name: string | null;
  assessments: number;
  lastTakenAt: string;
}

interface SkillsState {
  view: SkillsView;
  people: PersonRow[] | null;
  peopleError: string | null;
  search: string;
  personId: string | null;
  /** The person's assessments, oldest first. */
  history: AssessmentSummary[] | null;
  /** The assessment shown in full (the latest unless the analyst picks another). */
  assessment: Assessment | null;
  personError: string | null;
}

// Module level, so the section, the person and the assessment survive leaving the page and coming back.
export const useSkills = create<SkillsState>(() => ({
  view: 'people',
  people: null,
  peopleError: null,
  search: '',
  personId: null,
  history: null,
  assessment: null,
  personError: null,
}));

export const showSkillsView = (view: SkillsView): void => useSkills.setState({ view });

let peopleRequest = 0;

/** Reads the people for the current search; when reads overlap, only the latest counts. */
export async function loadPeople(api: Client = client): Promise<void> {
  const mine = ++peopleRequest;
  const search = useSkills.getState().search.trim();
  try {
    const people = await api.call('skills.people', { search: search === '' ? undefined : search, limit: 500 });
    if (mine !== peopleRequest) return;
    useSkills.setState({ people, peopleError: null });
    // The most recently assessed person is shown until the analyst picks one.
    const first = people[0];
    if (useSkills.getState().personId === null && first !== undefined) void openPerson(first.id, null, api);
  } catch (error) {
    if (mine === peopleRequest) useSkills.setState({ peopleError: messageOf(error) });
  }
}

export function searchPeople(search: string, api: Client = client): void {
  useSkills.setState({ search });
  void loadPeople(api);
}

let personRequest = 0;

/** Shows a person: their assessments over time, and one in full (the latest when none is named). */
export async function openPerson(personId: string, assessmentId: string | null = null, api: Client = client): Promise<void> {
  const mine = ++personRequest;
  const same = useSkills.getState().personId === personId;
  useSkills.setState((state) => ({ view: 'people', personId, personError: null, history: same ? state.history : null, assessment: same ? state.assessment : null }));
  try {
    const history = await api.call('skills.assessments', { personId });
    const id = assessmentId ?? history.at(-1)?.id ?? null;
    const assessment = id === null ? null : await api.call('skills.get', { id });
    if (mine === personRequest) useSkills.setState({ history, assessment });
  } catch (error) {
    if (mine === personRequest) useSkills.setState({ personError: messageOf(error) });
  }
}

export async function showAssessment(id: string, api: Client = client): Promise<void> {
  try {
    const assessment = await api.call('skills.get', { id });
    useSkills.setState({ assessment, personError: null });
  } catch (error) {
    useSkills.setState({ personError: messageOf(error) });
  }
}

/** The analyst's rating for one skill (null clears it); it becomes the score that counts. Throws so the control can say why. */
export async function rateSkill(skill: SkillId, rating: number | null, note: string, api: Client = client): Promise<void> {
  const { assessment, personId } = useSkills.getState();
  if (assessment === null) return;
  const result = await api.call('skills.rate', { id: assessment.id, skill, rating, note: note.trim() === '' ? undefined : note.trim() });
  useSkills.setState((state) =>
    state.assessment?.id === assessment.id ? { assessment: { ...state.assessment, results: state.assessment.results.map((entry) => (entry.skill === skill ? result : entry)) } } : {},
  );
  if (personId !== null) {
    const history = await api.call('skills.assessments', { personId });
    if (useSkills.getState().personId === personId) useSkills.setState({ history });
  }
}

export async function deleteAssessment(id: string, api: Client = client): Promise<void> {
  await api.call('skills.deleteAssessment', { id });
  const { personId } = useSkills.getState();
  useSkills.setState({ assessment: null });
  await loadPeople(api);
  const stillThere = useSkills.getState().people?.some((person) => person.id === personId) ?? false;
  if (personId !== null && stillThere) await openPerson(personId, null, api);
  else useSkills.setState({ personId: null, history: null });
}

export async function exportPerson(format: 'csv' | 'json', api: Client = client): Promise<void> {
  const { personId } = useSkills.getState();
  if (personId === null) return;
  downloadReport(await api.call('skills.export', { personId, format }));
}
