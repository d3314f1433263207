import type { z } from 'zod';
import type { Contract, EventName, Events, MethodName } from '../main/api/contract';
import type { InputOf, OutputOf } from '../main/api/define';
import type { ApiResult } from '../main/api/errors';

/**
 * What the preload exposes as `window.tw`: one function per contract method, one subscriber per
 * event, nothing else. Answers are values; the renderer's client turns failures back into throws.
 */
export type PreloadBridge = {
  methods: { [K in MethodName]: (input: InputOf<Contract[K]>) => Promise<ApiResult<OutputOf<Contract[K]>>> };
  events: { [K in EventName]: (listener: (payload: z.output<Events[K]>) => void) => () => void };
  /** The path of a file dropped on the window or picked, so the core reads it where it lies. */
  pathForFile: (file: File) => string;
};

export const ipcChannels = {
  call: 'tw:call',
  event: 'tw:event',
} as const;
