/**
 * A batch worker in its own process, for crash tests: opens the data folder, runs the queue
 * against OLLAMA_HOST, and (with SUBMIT=N) first queues N chat requests. It prints "ready" once
 * running; the test kills it with SIGKILL at random moments and starts it again.
 */
import { openDatabase } from '../../main/db/open';
import { BatchService, type SourceRecord } from '../../main/batch/service';
import { createLlmClient } from '../../main/engine/client/index';

const dataDir = process.env.TW_DATA_DIR!;
const host = process.env.OLLAMA_HOST!;
const submit = Number(process.env.SUBMIT ?? '0');

async function* items(count: number): AsyncGenerator<SourceRecord> {
  for (let index = 0; index < count; index += 1) {
    yield {
      kind: 'item',
      customId: `item-${index}`,
      sourceLine: index + 1,
      request: { url: '/v1/chat/completions', body: { model: 'llama3.1:8b', messages: [{ role: 'user', content: `Candidate ${index}` }] } },
    };
  }
}

const db = openDatabase(dataDir);
const llm = createLlmClient({ db, host: () => host, defaults: () => ({ numCtx: 4096, keepAlive: '5m' }) });
const service = new BatchService({
  db,
  llm,
  slots: () => 4,
  recoveryActions: { otherLoadedModels: async () => [], unload: async () => {}, restartEngine: async () => false, contextLength: () => 4096 },
  onProgress: () => {},
  onEvent: () => {},
});
if (submit > 0) await service.submit({ kind: 'openai', endpoint: '/v1/chat/completions', sourceName: 'crash.jsonl' }, items(submit));
service.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => void service.stop().then(() => process.exit(0)));
