import type { Handlers } from '../api/contract';
import { exportBatch } from './export-files';
import { queryItems, readItem } from './items-query';
import type { BatchEvent } from './schema';
import type { BatchService } from './service';

type BatchHandlers = Pick<
  Handlers,
  'batch.list' | 'batch.get' | 'batch.pause' | 'batch.resume' | 'batch.cancel' | 'batch.retryFailed' | 'batch.setPriority' | 'batch.items' | 'batch.item' | 'batch.export'
>;

export function createBatchHandlers(service: BatchService): BatchHandlers {
  const db = service.store.db;
  return {
    'batch.list': ({ limit }) => service.list(limit),
    'batch.get': ({ id }) => {
      const summary = service.summary(id);
      const events = (
        db.prepare('SELECT at, kind, detail FROM batch_events WHERE batch_id = ? ORDER BY at DESC, id DESC LIMIT 200').all(id) as Array<{ at: number; kind: string; detail: string | null }>
      ).map((row): BatchEvent => ({ batchId: id, at: row.at, kind: row.kind, detail: row.detail ?? '' }));
      return { summary, stats: service.progress(id).stats, events };
    },
    'batch.pause': ({ id }) => service.pause(id),
    'batch.resume': ({ id }) => service.resume(id),
    'batch.cancel': ({ id }) => service.cancel(id),
    'batch.retryFailed': ({ id }) => service.retryFailed(id),
    'batch.setPriority': ({ id, priority }) => service.setPriority(id, priority),
    'batch.items': (query) => {
      service.summary(query.id);
      return queryItems(db, query);
    },
    'batch.item': ({ id, seq }) => readItem(db, id, seq),
    'batch.export': ({ id, dir }) => {
      service.summary(id);
      return exportBatch(db, id, dir);
    },
  };
}
