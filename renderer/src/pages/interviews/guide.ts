import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { ExitGuide, GuideArea, StoredGuide } from '../../../../main/interviews/schema';
import { client } from '../../api/client';
import { ApiError, messageOf } from '../../lib/errors';

/** One area as the form holds it: probes one per line, the limit as typed. */
export interface AreaDraft {
  id: GuideArea['id'];
  title: string;
  question: string;
  probes: string;
  maxFollowUps: string;
  /** Not edited here; kept so the lexicon fallback reads answers as before. */
  keywords: string[];
}

export interface GuideDraft {
  description: string;
  opening: string;
  closing: string;
  areas: AreaDraft[];
}

export type GuideEdit = Omit<ExitGuide, 'id' | 'version'>;

export const draftOf = (guide: StoredGuide): GuideDraft => ({
  description: guide.description,
  opening: guide.opening,
  closing: guide.closing,
  areas: guide.areas.map((area) => ({ ...area, probes: area.probes.join('\n'), maxFollowUps: String(area.maxFollowUps) })),
});

/** What interviews.saveGuide takes; blank probe lines are dropped. The core checks the rest. */
export const editOf = (draft: GuideDraft): GuideEdit => ({
  description: draft.description.trim(),
  opening: draft.opening,
  closing: draft.closing,
  areas: draft.areas.map((area) => ({
    id: area.id,
    title: area.title,
    question: area.question,
    probes: area.probes.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
    maxFollowUps: Number(area.maxFollowUps),
    keywords: area.keywords,
  })),
});

/** "areas.2.probes.0" → "areas.2.probes": the form shows a probe's error under the probes box. */
export const fieldOfPath = (path: string | undefined): string | null => (path === undefined ? null : path.replace(/^(areas\.\d+\.probes)\.\d+$/, '$1'));

interface GuideState {
  /** Oldest first, as interviews.guides answers. */
  guides: StoredGuide[] | null;
  version: string | null;
  draft: GuideDraft | null;
  loadError: string | null;
  saving: boolean;
  error: { field: string | null; message: string } | null;
  /** The version just saved, for the confirmation line. */
  saved: string | null;
}

export const useGuide = create<GuideState>(() => ({ guides: null, version: null, draft: null, loadError: null, saving: false, error: null, saved: null }));

export const newestVersion = (guides: readonly StoredGuide[]): number => Math.max(0, ...guides.map((guide) => Number(guide.version) || 0));

export async function loadGuides(show?: string, api: Client = client): Promise<void> {
  try {
    const guides = await api.call('interviews.guides', {});
    const chosen = guides.find((guide) => guide.version === show) ?? guides.at(-1) ?? null;
    useGuide.setState({ guides, version: chosen?.version ?? null, draft: chosen === null ? null : draftOf(chosen), loadError: null });
  } catch (error) {
    useGuide.setState({ loadError: messageOf(error) });
  }
}

/** Shows another version in the form; unsaved edits to the one shown are dropped. */
export function chooseVersion(version: string): void {
  const guide = useGuide.getState().guides?.find((entry) => entry.version === version);
  if (guide !== undefined) useGuide.setState({ version, draft: draftOf(guide), error: null, saved: null });
}

export function editGuideDraft(change: (draft: GuideDraft) => GuideDraft): void {
  const { draft } = useGuide.getState();
  if (draft !== null) useGuide.setState({ draft: change(draft), error: null, saved: null });
}

export function editArea(index: number, change: Partial<AreaDraft>): void {
  editGuideDraft((draft) => ({ ...draft, areas: draft.areas.map((area, at) => (at === index ? { ...area, ...change } : area)) }));
}

export async function saveGuide(api: Client = client): Promise<boolean> {
  const { draft } = useGuide.getState();
  if (draft === null) return false;
  // A limit that is not a number would reach the core as null, with a message about types.
  const unreadable = draft.areas.findIndex((area) => !/^\d+$/.test(area.maxFollowUps.trim()));
  if (unreadable >= 0) {
    useGuide.setState({ error: { field: `areas.${unreadable}.maxFollowUps`, message: 'Give a whole number of follow-ups, from 0 to 5.' } });
    return false;
  }
  useGuide.setState({ saving: true, error: null, saved: null });
  try {
    const stored = await api.call('interviews.saveGuide', editOf(draft));
    await loadGuides(stored.version, api);
    useGuide.setState({ saved: stored.version });
    return true;
  } catch (error) {
    const field = error instanceof ApiError ? fieldOfPath(error.field) : null;
    useGuide.setState({ error: { field, message: field === null ? messageOf(error) : messageOf(error).replace(/^[A-Za-z.\d]+: /, '') } });
    return false;
  } finally {
    useGuide.setState({ saving: false });
  }
}
