import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { settingsPatchSchema, settingsSchema } from './schema';

export const settingsMethods = defineMethods({
  'settings.get': {
    summary: 'Read all settings',
    input: z.object({}).strict().prefault({}),
    output: settingsSchema,
  },
  'settings.update': {
    summary: 'Change some settings; the rest keep their values',
    input: settingsPatchSchema,
    output: settingsSchema,
  },
  'settings.reset': {
    summary: 'Put every setting back to its default',
    input: z.object({ confirm: z.literal(true, 'Pass confirm: true to reset every setting') }).strict(),
    output: settingsSchema,
  },
});

export const settingsEvents = defineEvents({
  'settings.changed': settingsSchema,
});
