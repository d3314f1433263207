import { create } from 'zustand';
import type { Client } from '../../../../main/api/contract';
import type { FeatureModel, PullProgress } from '../../../../main/engine/models/schema';
import type { SupervisorState } from '../../../../main/engine/supervisor/schema';
import type { EngineStatus } from '../../../../main/system/schema';
import { client } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { acceptEngineStatus, useStatus } from '../../state/status';
import { withPull, type Pulls } from './pulls';

interface ModelsState {
  supervisor: SupervisorState | null;
  supervisorError: string | null;
  features: FeatureModel[] | null;
  featuresError: string | null;
  /** By model name as it was pulled: the running pulls and the last result of each finished one. */
  pulls: Pulls;
  pullsError: string | null;
}

export const useModels = create<ModelsState>(() => ({
  supervisor: null,
  supervisorError: null,
  features: null,
  featuresError: null,
  pulls: {},
  pullsError: null,
}));

const acceptPull = (progress: PullProgress): void => useModels.setState((state) => ({ pulls: withPull(state.pulls, progress) }));

export const acceptSupervisor = (supervisor: SupervisorState): void => useModels.setState({ supervisor, supervisorError: null });

let featuresRequest = 0;

/** Feature models; when reads overlap (several changes at once), only the latest answer counts. */
export async function loadFeatures(api: Client = client): Promise<void> {
  const request = ++featuresRequest;
  try {
    const features = await api.call('models.features', {});
    if (request === featuresRequest) useModels.setState({ features, featuresError: null });
  } catch (error) {
    if (request === featuresRequest) useModels.setState({ featuresError: messageOf(error) });
  }
}

async function loadSupervisor(api: Client): Promise<void> {
  try {
    acceptSupervisor(await api.call('engine.supervisor', {}));
  } catch (error) {
    useModels.setState({ supervisorError: messageOf(error) });
  }
}

async function loadPulls(api: Client): Promise<void> {
  try {
    const pulls = await api.call('models.pulls', {});
    for (const pull of pulls) acceptPull(pull);
    useModels.setState({ pullsError: null });
  } catch (error) {
    useModels.setState({ pullsError: messageOf(error) });
  }
}

const installedKey = (engine: EngineStatus | null): string =>
  engine === null ? '' : engine.installed.map((model) => model.name).sort().join('\n');

/**
 * Reads the supervisor, the pulls and the feature models, then follows their events. Feature
 * models are read again only when the installed models or the settings change: the engine status
 * also changes with every load and unload, which does not affect them. Returns the unsubscribe.
 */
export function startModelsFeed(api: Client = client): () => void {
  const offs = [
    api.on('engine.supervisor', acceptSupervisor),
    api.on('models.pull', (progress) => {
      acceptPull(progress);
      // The event comes before the engine has listed the new model; reading the features asks it again.
      if (progress.state === 'done') void loadFeatures(api);
    }),
    api.on('settings.changed', () => void loadFeatures(api)),
    useStatus.subscribe((state, previous) => {
      if (installedKey(state.engine) !== installedKey(previous.engine)) void loadFeatures(api);
    }),
  ];
  void loadSupervisor(api);
  void loadPulls(api);
  void loadFeatures(api);
  return () => {
    for (const off of offs) off();
  };
}

/** Starts (or resumes) a pull; throws the core's message for the caller to show. */
export async function pullModel(model: string, api: Client = client): Promise<void> {
  acceptPull(await api.call('models.pull', { model }));
}

export async function cancelPull(model: string, api: Client = client): Promise<void> {
  acceptPull(await api.call('models.cancelPull', { model }));
}

export type RowAction = 'pin' | 'unload' | 'preload' | 'delete';

const methodOf = {
  pin: 'models.pin',
  unload: 'models.unload',
  preload: 'models.preload',
} as const;

/** Runs a row action; the engine status it hands back updates the table at once. */
export async function runRowAction(model: string, action: RowAction, api: Client = client): Promise<void> {
  const engine = action === 'delete' ? await api.call('models.delete', { model, confirm: true }) : await api.call(methodOf[action], { model });
  acceptEngineStatus(engine);
}

export async function lookAgain(api: Client = client): Promise<void> {
  acceptSupervisor(await api.call('engine.start', {}));
}

export async function restartEngine(api: Client = client): Promise<void> {
  acceptSupervisor(await api.call('engine.restart', {}));
}
