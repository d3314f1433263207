import { useEffect, useState } from 'react';
import type { BatchSummary } from '../../../../main/batch/schema';
import { formatInteger } from '../../lib/format';
import { useAction } from '../models/useAction';
import { exportResultsCsv, downloadV1File, fetchOutputFileIds, type V1Answer } from './exports';
import { baseName, isFinished } from './format';

type ExportKind = 'csv' | 'output' | 'errors';

/** What /v1 says about the batch's files: being asked, its answer, or why it could not be asked. */
type Lookup = { state: 'idle' } | { state: 'asking' } | { state: 'answered'; answer: V1Answer } | { state: 'failed'; message: string };

function useOutputFiles(batch: BatchSummary): Lookup {
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const finished = isFinished(batch.status);
  useEffect(() => {
    if (!finished) {
      setLookup({ state: 'idle' });
      return;
    }
    let active = true;
    setLookup({ state: 'asking' });
    fetchOutputFileIds(batch.id)
      .then((answer) => active && setLookup({ state: 'answered', answer }))
      .catch((error: unknown) => active && setLookup({ state: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      active = false;
    };
  }, [batch.id, batch.status, finished]);
  return lookup;
}

/**
 * The batch as files: a results CSV from the items (at any time: the results so far), and OpenAI's
 * output and error JSONL once it has finished, where the server has /v1 (not in the Electron window).
 */
export function Exports({ batch }: { batch: BatchSummary }) {
  const action = useAction<ExportKind>();
  const [read, setRead] = useState<{ read: number; total: number } | null>(null);
  const lookup = useOutputFiles(batch);
  const files = lookup.state === 'answered' ? lookup.answer : null;
  const noV1 = lookup.state === 'answered' && lookup.answer === null;
  const busy = action.running !== null;
  const name = baseName(batch);

  const exportCsv = (): void => {
    setRead(null);
    void action.run('csv', () => exportResultsCsv(batch, (count, total) => setRead({ read: count, total }))).finally(() => setRead(null));
  };
  const download = (kind: 'output' | 'errors', fileId: string): void => {
    void action.run(kind, () => downloadV1File(fileId, `${name}-${kind === 'output' ? 'output' : 'errors'}.jsonl`));
  };

  const csvLabel = action.running !== 'csv' ? 'Results CSV' : read === null || read.total < 1000 ? 'Exporting…' : `Exporting… ${formatInteger(read.read)} of ${formatInteger(read.total)}`;
  return (
    <div className="exports" data-testid="batch-exports">
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          data-testid="batch-export-csv"
          disabled={busy || batch.counts.total === 0}
          title={isFinished(batch.status) ? 'Every item with its score, recommendation, tokens, latency and error' : 'The results so far: the batch is still running'}
          onClick={exportCsv}
        >
          {csvLabel}
        </button>
        {files !== null && files.output !== null && (
          <button type="button" className="button button--small" data-testid="batch-export-output" disabled={busy} title="OpenAI's batch output file: one line per answered request" onClick={() => download('output', files.output!)}>
            {action.running === 'output' ? 'Downloading…' : 'Output JSONL'}
          </button>
        )}
        {files !== null && files.errors !== null && (
          <button type="button" className="button button--small" data-testid="batch-export-errors" disabled={busy} title="OpenAI's batch error file: one line per failed request" onClick={() => download('errors', files.errors!)}>
            {action.running === 'errors' ? 'Downloading…' : 'Errors JSONL'}
          </button>
        )}
      </div>
      {lookup.state === 'failed' && <span className="inline-error">{lookup.message}</span>}
      {noV1 && window.tw === undefined && <span className="footnote">This server has no /v1: the JSONL files are not offered.</span>}
      {action.error !== null && (
        <span className="inline-error" role="alert">
          {action.error}
        </span>
      )}
    </div>
  );
}
