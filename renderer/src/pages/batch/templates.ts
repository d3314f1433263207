import { create } from 'zustand';
import type { Client, Contract } from '../../../../main/api/contract';
import type { OutputOf } from '../../../../main/api/define';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

export type StoredTemplate = OutputOf<Contract['batch.saveTemplate']>;

/** Where each candidate's profile goes in the user prompt. */
export const profilePlaceholder = '{{profile}}';

interface TemplatesState {
  /** Newest first; null until the first read. */
  templates: StoredTemplate[] | null;
  loadError: string | null;
}

// Module level: the card and the intake's select read the same versions.
export const useTemplates = create<TemplatesState>(() => ({ templates: null, loadError: null }));

/** Versions sort as numbers where they are numbers, newest first: 10 before 9. */
const newestFirst = (list: readonly StoredTemplate[]): StoredTemplate[] =>
  [...list].sort((a, b) => Number(b.version) - Number(a.version) || b.version.localeCompare(a.version));

/** The newest version's name, or null while the versions are unknown. */
export const newestVersion = (templates: readonly StoredTemplate[] | null): string | null => templates?.[0]?.version ?? null;

export async function loadTemplates(api: Client = client): Promise<void> {
  try {
    const templates = newestFirst(await api.call('batch.templates', {}));
    useTemplates.setState({ templates, loadError: null });
  } catch (error) {
    useTemplates.setState({ loadError: messageOf(error) });
  }
}

/** Saves an edit as the next version (earlier versions are never changed) and resolves with it. */
export async function saveTemplate(edit: { system: string; user: string }, api: Client = client): Promise<StoredTemplate> {
  const saved = await api.call('batch.saveTemplate', edit);
  useTemplates.setState((state) => ({ templates: newestFirst([saved, ...(state.templates ?? []).filter((entry) => entry.version !== saved.version)]) }));
  return saved;
}

/** Why an edit cannot be saved, in the words shown under the field; null when it can. */
export function templateProblems(edit: { system: string; user: string }): { system: string | null; user: string | null } {
  return {
    system: edit.system.trim().length < 20 ? 'Write the instructions the model gets (at least 20 characters).' : null,
    user: !edit.user.includes(profilePlaceholder) ? `The user prompt must contain ${profilePlaceholder}: each candidate's profile is put there.` : null,
  };
}

export function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const versionLabel = (template: StoredTemplate, newest: boolean): string =>
  `Version ${template.version} · ${template.source} · ${formatSavedAt(template.createdAt)}${newest ? ' (newest)' : ''}`;
