import type { Handlers } from '../api/contract';
import type { EventBus } from '../api/event-bus';
import type { SettingsStore } from './store';

export interface SettingsDeps {
  store: SettingsStore;
  bus: EventBus;
  /** After every change: the engine's supervisor re-checks whether a restart is needed. */
  onChanged: () => void;
  onHostChanged: () => void;
}

export function createSettingsHandlers({ store, bus, onChanged, onHostChanged }: SettingsDeps): Pick<Handlers, 'settings.get' | 'settings.update' | 'settings.reset'> {
  const publish = (before: string, settings: ReturnType<SettingsStore['get']>) => {
    bus.emit('settings.changed', settings);
    onChanged();
    if (settings.ollamaHost !== before) onHostChanged();
    return settings;
  };
  return {
    'settings.get': () => store.get(),
    'settings.update': (patch) => publish(store.get().ollamaHost, store.update(patch)),
    'settings.reset': () => publish(store.get().ollamaHost, store.reset()),
  };
}
