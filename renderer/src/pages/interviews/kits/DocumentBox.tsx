import { useEffect, useRef, useState, type DragEvent } from 'react';
import { ProgressBar } from '../../models/ProgressBar';
import { sizeText } from './format';
import type { ChosenFile, DocumentDraft } from './useDocumentDraft';

/** What the core reads; the picker offers these, and the core names anything else it is given. */
const accepted = '.pdf,.docx,.txt,.md';

const carriesFiles = (event: DragEvent | globalThis.DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/** A file dropped beside the boxes would make the browser open it in place of the app: such drops are ignored. */
export function useNoStrayDrops(): void {
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent): void => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

function uploadText(file: ChosenFile): string {
  if (file.error !== null) return 'Not uploaded';
  if (file.source !== null) return 'path' in file.source ? 'Read from this computer when the kit is made' : 'Uploaded';
  if (file.upload === null) return 'Starting the upload…';
  return `Uploading… ${Math.round((file.upload.loaded / Math.max(1, file.upload.total)) * 100)}%`;
}

function FileIcon() {
  return (
    <svg className="kit-file__icon" viewBox="0 0 32 32" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M8 3.5h11l6 6v19H8Z" />
      <path d="M19 3.5v6h6" />
      <path d="M12 17h9M12 21h9M12 25h6" />
    </svg>
  );
}

function FileChip({ file, role, label, onRemove }: { file: ChosenFile; role: string; label: string; onRemove: () => void }) {
  const uploading = file.source === null && file.error === null && file.upload !== null;
  return (
    <div className="kit-file" data-testid={`kit-${role}-chosen`} data-uploaded={file.source !== null}>
      <FileIcon />
      <div className="kit-file__text">
        <span className="kit-file__name">{file.name}</span>
        <span className="kit-file__meta">
          {sizeText(file.size)} · <span role="status">{uploadText(file)}</span>
        </span>
        {uploading && file.upload !== null && <ProgressBar share={file.upload.loaded / Math.max(1, file.upload.total)} label={`Upload of ${file.name}`} valueText={uploadText(file)} />}
        {file.error !== null && <p className="field__error">{file.error}</p>}
      </div>
      <button type="button" className="link-button kit-file__remove" onClick={onRemove}>
        Remove<span className="visually-hidden"> the {label} file</span>
      </button>
    </div>
  );
}

interface DocumentBoxProps {
  role: 'cv' | 'jd';
  label: string;
  draft: DocumentDraft;
  /** The core's complaint about this document, shown in the box it is about. */
  error: string | null;
  onEdit: () => void;
  placeholder: string;
}

/** One document: its text pasted, or a file chosen or dropped on the box. */
export function DocumentBox({ role, label, draft, error, onEdit, placeholder }: DocumentBoxProps) {
  const picker = useRef<HTMLInputElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const [dragging, setDragging] = useState(false);
  // A removed file's button goes with it: the focus goes to the text box that takes its place.
  const focusText = useRef(false);
  const hasFile = draft.file !== null;
  useEffect(() => {
    if (hasFile || !focusText.current) return;
    focusText.current = false;
    text.current?.focus();
  }, [hasFile]);
  const id = `kit-${role}`;
  const take = (file: File | undefined): void => {
    if (file === undefined) return;
    draft.choose(file);
    onEdit();
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files[0]);
  };
  const described = [error !== null ? `${id}-error` : null, `${id}-help`].filter(Boolean).join(' ');
  return (
    <div
      className="kit-doc"
      role="group"
      aria-labelledby={`${id}-label`}
      data-testid={`kit-doc-${role}`}
      data-dragging={dragging || undefined}
      data-invalid={error !== null || undefined}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="kit-doc__head">
        <label id={`${id}-label`} className="field__label" htmlFor={draft.file === null ? `${id}-text` : undefined}>
          {label}
        </label>
        <button type="button" className="button button--small" onClick={() => picker.current?.click()} aria-describedby={`${id}-help`}>
          {draft.file === null ? 'Choose file…' : 'Another file…'}
        </button>
        <input
          ref={picker}
          type="file"
          hidden
          accept={accepted}
          data-testid={`${id}-file`}
          onChange={(event) => {
            take(event.target.files?.[0]);
            // Cleared, so choosing the same file again (after fixing it) still fires a change.
            event.target.value = '';
          }}
        />
      </div>
      {draft.file === null ? (
        <textarea
          ref={text}
          id={`${id}-text`}
          className="input kit-doc__text"
          data-testid={`${id}-text`}
          placeholder={placeholder}
          value={draft.text}
          aria-invalid={error !== null || undefined}
          aria-describedby={described}
          onChange={(event) => {
            draft.setText(event.target.value);
            onEdit();
          }}
        />
      ) : (
        <FileChip
          file={draft.file}
          role={role}
          label={label}
          onRemove={() => {
            focusText.current = true;
            draft.clearFile();
            onEdit();
          }}
        />
      )}
      {error !== null && (
        <p className="field__error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
      <p className="field__help" id={`${id}-help`}>
        Paste the text, or drop a .pdf, .docx, .txt or .md file on this box.
      </p>
    </div>
  );
}
