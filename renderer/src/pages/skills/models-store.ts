import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { SkillId } from '../../../../main/skills/schema';
import type { ModelEntry } from '../../../../main/skills/schema-results';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';

interface ModelsState {
  models: ModelEntry[] | null;
  error: string | null;
  /** What the last training returned, shown until the next. */
  trained: ModelEntry[] | null;
}

export const useModels = create<ModelsState>(() => ({ models: null, error: null, trained: null }));

export async function loadModels(api: Client = client): Promise<void> {
  try {
    useModels.setState({ models: await api.call('skills.models', {}), error: null });
  } catch (error) {
    useModels.setState({ error: messageOf(error) });
  }
}

/** Makes a version the skill's active model, or none (null). Throws for the caller to show. */
export async function activateModel(skill: SkillId, version: number | null, api: Client = client): Promise<void> {
  await api.call('skills.activateModel', { skill, version });
  await loadModels(api);
}

export async function importModel(skill: SkillId, json: string, api: Client = client): Promise<ModelEntry> {
  const entry = await api.call('skills.importModel', { skill, json, activate: true });
  await loadModels(api);
  return entry;
}

/** Trains from a labelled CSV; a model becomes active only when it beats the mean baseline on the held-out rows. */
export async function trainModels(csv: string, api: Client = client): Promise<void> {
  const { models } = await api.call('skills.trainModel', { csv, activate: 'if-better' });
  useModels.setState({ trained: models });
  await loadModels(api);
}
