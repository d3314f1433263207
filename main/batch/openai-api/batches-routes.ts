import { z } from 'zod';
import { ApiError } from '../../api/errors';
import { supportedEndpoints } from '../schema';
import type { DoorContext, Route, RouteCall } from './context';
import { OpenAiError, sendOpenAiJson } from './errors';
import { batchObject, listObject, type BatchObject, type BatchRow } from './objects';
import { parseOrThrow, queryOf, readJson } from './request';
import { batchPage, batchRow } from './rows';
import { uploadPurposes } from './upload';

/** OpenAI's limits on metadata: 16 pairs, keys up to 64 characters, values up to 512. */
const metadataSchema = z
  .record(z.string().max(64, 'keys are at most 64 characters'), z.string().max(512, 'values are at most 512 characters'))
  .refine((metadata) => Object.keys(metadata).length <= 16, 'at most 16 key-value pairs');

const createBody = z.object({
  input_file_id: z.string().min(1, 'name the uploaded file'),
  endpoint: z.enum(supportedEndpoints, { error: `this workstation runs batches for ${supportedEndpoints.join(' and ')}` }),
  completion_window: z.literal('24h', "only '24h' is supported"),
  metadata: metadataSchema.nullable().optional(),
});

/** The batch as OpenAI shows it, its output files registered first when it has just finished. */
async function view(context: DoorContext, row: BatchRow): Promise<BatchObject> {
  const files = await context.outputs.ensure(row.id, row.status);
  return batchObject(row, context.batches.store.counts(row.id), files);
}

async function createBatch({ request, response, context }: RouteCall): Promise<void> {
  const body = await readJson(request, createBody);
  let file;
  try {
    file = context.files.get(body.input_file_id);
  } catch {
    throw new OpenAiError(404, `No such File object: ${body.input_file_id}`, 'input_file_id', 'file_not_found');
  }
  if (file.path === null) throw new OpenAiError(400, `${file.id} is a batch's ${file.purpose} file, not an input file.`, 'input_file_id');
  if (!(uploadPurposes as readonly string[]).includes(file.purpose)) {
    throw new OpenAiError(400, `${file.id} was uploaded with purpose '${file.purpose}': upload batch input with purpose 'batch'.`, 'input_file_id');
  }
  let summary;
  try {
    summary = await context.submit({ source: { fileId: file.id }, endpoint: body.endpoint, metadata: body.metadata ?? null });
  } catch (error) {
    // The core names its own field (`source`); to an OpenAI client the culprit is the input file.
    if (error instanceof ApiError && error.code === 'invalid_input' && error.field !== 'endpoint') throw new OpenAiError(400, error.message, 'input_file_id', 'invalid_file');
    throw error;
  }
  sendOpenAiJson(response, 200, await view(context, batchRow(context.db, summary.id)));
}

async function retrieveBatch({ response, params, context }: RouteCall): Promise<void> {
  sendOpenAiJson(response, 200, await view(context, batchRow(context.db, params[0]!)));
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().min(1).optional(),
});

async function listBatches({ response, url, context }: RouteCall): Promise<void> {
  const query = parseOrThrow(listQuery, queryOf(url));
  const page = batchPage(context.db, query.limit, query.after);
  const data: BatchObject[] = [];
  for (const row of page.rows) data.push(await view(context, row));
  sendOpenAiJson(response, 200, listObject(data, page.hasMore));
}

/** Items in flight are stopped; answers already in are kept and end up in the output file. */
async function cancelBatch({ response, params, context }: RouteCall): Promise<void> {
  const id = batchRow(context.db, params[0]!).id;
  context.batches.cancel(id);
  sendOpenAiJson(response, 200, await view(context, batchRow(context.db, id)));
}

const id = '([A-Za-z0-9_-]+)';

export const batchRoutes: Route[] = [
  { method: 'POST', path: /^\/v1\/batches$/, run: createBatch },
  { method: 'GET', path: /^\/v1\/batches$/, run: listBatches },
  { method: 'GET', path: new RegExp(`^/v1/batches/${id}$`), run: retrieveBatch },
  { method: 'POST', path: new RegExp(`^/v1/batches/${id}/cancel$`), run: cancelBatch },
];
