import type { Handlers } from '../api/contract';
import type { EventBus } from '../api/event-bus';
import type { SettingsStore } from './store';

export interface SettingsDeps {
  store: SettingsStore;
  bus: EventBus;
  onHostChanged: () => void;
}

export function createSettingsHandlers({ store, bus, onHostChanged }: SettingsDeps): Pick<Handlers, 'settings.get' | 'settings.update' | 'settings.reset'> {
  const publish = (before: string, settings: ReturnType<SettingsStore['get']>) => {
    bus.emit('settings.changed', settings);
    if (settings.ollamaHost !== before) onHostChanged();
    return settings;
  };
  return {
    'settings.get': () => store.get(),
    'settings.update': (patch) => publish(store.get().ollamaHost, store.update(patch)),
    'settings.reset': () => publish(store.get().ollamaHost, store.reset()),
  };
}
