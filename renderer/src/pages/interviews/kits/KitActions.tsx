import { useState } from 'react';
import type { KitDetail, KitExportFormat } from '../../../../../main/interviews/kits/schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAction } from '../../models/useAction';
import { deleteKit, exportKit } from './actions';

type ActionKind = KitExportFormat | 'delete';

const exports: readonly { format: KitExportFormat; label: string }[] = [
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
  { format: 'markdown', label: 'Markdown' },
];

/** The kit as a file (with the ratings and notes so far), and deletion. */
export function KitActions({ detail }: { detail: KitDetail }) {
  const action = useAction<ActionKind>();
  const [confirming, setConfirming] = useState(false);
  const busy = action.running !== null;
  return (
    <div className="interview-actions">
      <div className="interview-actions__row">
        {exports.map(({ format, label }) => (
          <button key={format} type="button" className="button" data-testid={`kit-export-${format}`} disabled={busy} onClick={() => void action.run(format, () => exportKit(detail.id, format))}>
            {action.running === format ? 'Exporting…' : `Export ${label}`}
          </button>
        ))}
        <span className="interview-actions__spacer" />
        <button type="button" className="button button--quiet-danger" data-testid="kit-delete" disabled={busy} onClick={() => setConfirming(true)}>
          Delete…
        </button>
      </div>
      {action.error !== null && (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this kit?"
        confirmLabel="Delete kit"
        danger
        busy={action.running === 'delete'}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void action.run('delete', () => deleteKit(detail.id)).finally(() => setConfirming(false))}
      >
        <p>
          “{detail.title}” is deleted with its gaps, questions, ratings and notes{detail.active ? ', and its generation is stopped' : ''}. This cannot be undone; export it first if you need a copy.
        </p>
      </ConfirmDialog>
    </div>
  );
}
