import { z } from 'zod';
import { defineEvents, defineMethods } from '../api/define';
import { doctorReportSchema, engineStatusSchema, gpuStatusSchema } from './schema';

const noInput = z.object({}).strict().prefault({});

export const systemMethods = defineMethods({
  'system.doctor': {
    summary: 'Check the engine, the GPU and the database, and report what was found',
    input: noInput,
    output: doctorReportSchema,
  },
  'system.status': {
    summary: 'The latest engine and GPU status, as shown in the status bar',
    input: noInput,
    output: z.object({ engine: engineStatusSchema, gpu: gpuStatusSchema }),
  },
});

export const systemEvents = defineEvents({
  'engine.status': engineStatusSchema,
  'gpu.status': gpuStatusSchema,
});
