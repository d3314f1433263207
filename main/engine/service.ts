import type { Handlers } from '../api/contract';
import { ApiError } from '../api/errors';
import type { Settings } from '../settings/schema';
import type { ModelService } from './models/service';
import type { OllamaSupervisor } from './supervisor/supervisor';

export interface EngineDeps {
  supervisor: OllamaSupervisor;
  models: ModelService;
  settings: () => Settings;
}

type EngineHandlers = Pick<
  Handlers,
  | 'engine.supervisor'
  | 'engine.start'
  | 'engine.restart'
  | 'models.features'
  | 'models.pull'
  | 'models.cancelPull'
  | 'models.pulls'
  | 'models.delete'
  | 'models.pin'
  | 'models.unload'
  | 'models.preload'
>;

export function createEngineHandlers({ supervisor, models, settings }: EngineDeps): EngineHandlers {
  return {
    'engine.supervisor': () => supervisor.current(),
    'engine.start': () => supervisor.start(),
    'engine.restart': async () => {
      try {
        return await supervisor.restart();
      } catch (error) {
        throw new ApiError('conflict', error instanceof Error ? error.message : String(error));
      }
    },
    'models.features': () => models.featureModels(),
    'models.pull': ({ model }) => models.startPull(model),
    'models.cancelPull': ({ model }) => models.cancelPull(model),
    'models.pulls': () => models.pullsInProgress(),
    'models.delete': ({ model }) => models.delete(model),
    'models.pin': ({ model }) => models.setResidency(model, -1),
    'models.unload': ({ model }) => models.setResidency(model, 0),
    'models.preload': ({ model }) => models.setResidency(model, settings().keepAlive),
  };
}
