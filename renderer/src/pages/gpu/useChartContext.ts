import { defaultSettings } from '../../../../main/settings/schema';
import { useSettings } from '../../state/settings';
import type { ChartContext } from './chartSpecs';
import { useGpuPage } from './store';

const defaults = defaultSettings();

/** The card's size and power limit from the latest reading, and the guard levels from the settings. */
export function useChartContext(): ChartContext {
  const settings = useSettings((state) => state.settings) ?? defaults;
  const last = useGpuPage((page) => page.samples.at(-1));
  const device = useGpuPage((page) => page.state?.device ?? null);
  return {
    vramTotalMiB: last?.vramTotalMiB ?? device?.vramTotalMiB ?? null,
    vramWarnPercent: settings.vramWarnPercent,
    vramActMiB: settings.vramActMiB,
    powerLimitW: last?.powerLimitW ?? null,
  };
}
