import { useRef, type ChangeEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatInteger } from '../../lib/format';
import { takeFile, useIntake } from './intake';

/** What the workstation reads; the picker offers these first, any file can still be chosen. */
const accepted = '.csv,.json,.jsonl,.ndjson,.txt';

function FileIcon() {
  return (
    <svg className="drop-zone__icon" viewBox="0 0 32 32" width="32" height="32" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M8 3.5h11l6 6v19H8Z" />
      <path d="M19 3.5v6h6" />
      <path d="M16.5 24v-9M12.8 18.5l3.7-3.7 3.7 3.7" />
    </svg>
  );
}

/** Shown over the whole window while files are dragged over it. */
export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return createPortal(
    <div className="drop-overlay" data-testid="batch-drop-overlay" aria-hidden="true">
      <div className="drop-overlay__panel">
        <FileIcon />
        <p className="drop-overlay__title">Drop the file to queue it</p>
        <p className="drop-overlay__hint">Candidate profiles (CSV, JSON, JSON lines) or an OpenAI batch JSONL</p>
      </div>
    </div>,
    document.body,
  );
}

function queuedSentence(queued: NonNullable<ReturnType<typeof useIntake.getState>['queued']>): string {
  const items = `${formatInteger(queued.total)} ${queued.total === 1 ? 'item' : 'items'}`;
  const problems = queued.problems === 0 ? '' : `; ${formatInteger(queued.problems)} ${queued.problems === 1 ? 'problem with the file is' : 'problems with the file are'} listed in the monitor`;
  return `Queued ${queued.sourceName}: ${items}${problems}.`;
}

/**
 * Where a file comes in: a drop anywhere on the page (see useWindowDrop), or the picker, which is
 * how the keyboard gets here. `note` says something about the last drop (several files at once).
 */
export function DropZone({ note }: { note: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const step = useIntake((state) => state.step);
  const queued = useIntake((state) => state.queued);
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (to queue it twice) still fires a change.
    event.target.value = '';
    if (file !== undefined) void takeFile(file);
  };
  const status = queued !== null ? queuedSentence(queued) : note;
  return (
    <section className="card card--wide drop-card" aria-labelledby="batch-drop-title">
      <div className="drop-zone" data-testid="batch-dropzone">
        <FileIcon />
        <div className="drop-zone__text">
          <h2 id="batch-drop-title" className="card__title">
            Queue a file
          </h2>
          <p className="muted">
            Drop a file of candidate profiles (CSV, JSON or JSON lines) or an OpenAI batch JSONL anywhere on this page, or choose one. Every problem in it is listed by line; the good lines still run.
          </p>
        </div>
        <button type="button" className="button button--primary" onClick={() => input.current?.click()} disabled={step === 'queueing'}>
          Choose file…
        </button>
        <input ref={input} type="file" hidden accept={accepted} data-testid="batch-file-input" onChange={onChange} />
      </div>
      <p className="drop-zone__status" role="status" data-testid="batch-drop-status">
        {status}
      </p>
    </section>
  );
}
