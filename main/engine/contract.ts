import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { engineStatusSchema } from '../system/schema';
import { featureModelSchema, modelNameSchema, pullProgressSchema } from './models/schema';
import { supervisorStateSchema } from './supervisor/schema';

const noInput = z.object({}).strict().prefault({});
const modelInput = z.object({ model: modelNameSchema }).strict();

export const engineMethods = defineMethods({
  'engine.supervisor': {
    summary: 'How Ollama is run: attached, started by the app, missing, failed; and what a restart would change',
    input: noInput,
    output: supervisorStateSchema,
  },
  'engine.start': {
    summary: 'Look for Ollama again and start it if needed (after installing it, say)',
    input: noInput,
    output: supervisorStateSchema,
  },
  'engine.restart': {
    summary: 'Restart the Ollama the app started, applying changed settings',
    input: noInput,
    output: supervisorStateSchema,
  },
  'models.features': {
    summary: 'The model each feature uses, and whether it is installed',
    input: noInput,
    output: z.array(featureModelSchema),
  },
  'models.pull': {
    summary: 'Start pulling a model (progress arrives as models.pull events); pulling again resumes',
    input: modelInput,
    output: pullProgressSchema,
  },
  'models.cancelPull': {
    summary: 'Cancel a running pull; what was downloaded is kept for a later resume',
    input: modelInput,
    output: pullProgressSchema,
  },
  'models.pulls': {
    summary: 'Pulls running now and the last result of each finished one',
    input: noInput,
    output: z.array(pullProgressSchema),
  },
  'models.delete': {
    summary: 'Delete an installed model (asks for confirm: true)',
    input: modelInput.extend({ confirm: z.literal(true, 'Pass confirm: true to delete the model') }),
    output: engineStatusSchema,
  },
  'models.pin': {
    summary: 'Load a model and keep it in memory until unloaded (keep_alive -1)',
    input: modelInput,
    output: engineStatusSchema,
  },
  'models.unload': {
    summary: 'Unload a model from memory now (keep_alive 0)',
    input: modelInput,
    output: engineStatusSchema,
  },
  'models.preload': {
    summary: 'Load a model now, kept for the keep-alive setting',
    input: modelInput,
    output: engineStatusSchema,
  },
});

export const engineEvents = defineEvents({
  'engine.supervisor': supervisorStateSchema,
  'models.pull': pullProgressSchema,
});
