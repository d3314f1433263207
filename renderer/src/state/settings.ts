import { create } from 'zustand';
import type { Client } from '../../../main/api/contract';
import type { Settings } from '../../../main/settings/schema';
import { client } from '../api/client';
import { messageOf } from '../lib/errors';

interface SettingsState {
  /** The settings as the core last reported them; null until the first read. */
  settings: Settings | null;
  loadError: string | null;
  /** Records settings the core handed back (after a save or reset) without waiting for the event. */
  accept: (settings: Settings) => void;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  loadError: null,
  accept: (settings) => set({ settings, loadError: null }),
}));

/** Reads the settings from the core; on failure keeps the message for the page to show. */
export async function loadSettings(api: Client = client): Promise<void> {
  useSettings.setState({ loadError: null });
  try {
    useSettings.getState().accept(await api.call('settings.get', {}));
  } catch (error) {
    useSettings.setState({ loadError: messageOf(error) });
  }
}

/** Reads the settings once, then follows `settings.changed`. Returns the unsubscribe. */
export function startSettingsFeed(api: Client = client): () => void {
  const off = api.on('settings.changed', (settings) => useSettings.getState().accept(settings));
  void loadSettings(api);
  return off;
}
