import { useState } from 'react';
import type { InterviewDetail } from '../../../../main/interviews/schema';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAction } from '../models/useAction';
import { downloadReport } from './files';
import { isFinished, nameOf } from './format';
import { openHandover } from './handover';
import { deleteInterview, endInterview } from './store';

type ActionKind = 'end' | 'delete' | 'html' | 'pdf';

/** Hand over or resume, end, export and delete: what the analyst can do with one interview. */
export function InterviewActions({ detail }: { detail: InterviewDetail }) {
  const action = useAction<ActionKind>();
  const [confirm, setConfirm] = useState<'end' | 'delete' | null>(null);
  const finished = isFinished(detail.status);
  const busy = action.running !== null;
  const name = nameOf(detail);

  const exportAs = (format: 'html' | 'pdf'): void => {
    void action.run(format, async () => downloadReport(await client.call('interviews.report', { id: detail.id, format })));
  };
  const confirmed = (kind: 'end' | 'delete'): void => {
    void action.run(kind, () => (kind === 'end' ? endInterview(detail.id) : deleteInterview(detail.id))).finally(() => setConfirm(null));
  };

  return (
    <div className="interview-actions">
      <div className="interview-actions__row">
        {!finished && (
          <button type="button" className="button button--primary" data-testid="interview-handover" disabled={busy} onClick={() => void openHandover(detail.id)}>
            {detail.status === 'ready' ? 'Hand over to the employee' : 'Resume'}
          </button>
        )}
        {!finished && (
          <button type="button" className="button" data-testid="interview-end" disabled={busy} onClick={() => setConfirm('end')}>
            End interview…
          </button>
        )}
        <span className="interview-actions__spacer" />
        <button type="button" className="button" data-testid="interview-export-html" disabled={busy} onClick={() => exportAs('html')}>
          {action.running === 'html' ? 'Exporting…' : 'Export HTML'}
        </button>
        <button type="button" className="button" data-testid="interview-export-pdf" disabled={busy} onClick={() => exportAs('pdf')}>
          {action.running === 'pdf' ? 'Exporting…' : 'Export PDF'}
        </button>
        <button type="button" className="button button--quiet-danger" data-testid="interview-delete" disabled={busy} onClick={() => setConfirm('delete')}>
          Delete…
        </button>
      </div>
      {action.error !== null && (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      )}
      <ConfirmDialog
        open={confirm === 'end'}
        title="End this interview?"
        confirmLabel="End interview"
        busy={action.running === 'end'}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirmed('end')}
      >
        <p>The closing words are added and no more answers are taken. Everything said so far is kept and can be analysed.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title="Delete this interview?"
        confirmLabel="Delete interview"
        danger
        busy={action.running === 'delete'}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirmed('delete')}
      >
        <p>
          The interview with {name} is deleted with every answer and its analysis. This cannot be undone; export a report first if you need one.
        </p>
      </ConfirmDialog>
    </div>
  );
}
