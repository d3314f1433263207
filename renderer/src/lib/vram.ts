import { defaultSettings, type Settings } from '../../../main/settings/schema';

export type VramLevel = 'ok' | 'warn' | 'act';

const defaults = defaultSettings();

/**
 * How full the card is against the analyst's guard settings: 'warn' from the warning share,
 * 'act' from the MiB at which the memory guard steps in.
 */
export function vramLevel(usedMiB: number, totalMiB: number, settings: Settings | null): VramLevel {
  const { vramWarnPercent, vramActMiB } = settings ?? defaults;
  if (usedMiB >= vramActMiB) return 'act';
  if (totalMiB > 0 && (usedMiB / totalMiB) * 100 >= vramWarnPercent) return 'warn';
  return 'ok';
}
