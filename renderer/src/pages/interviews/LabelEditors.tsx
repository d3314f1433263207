import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Correction } from './AiLabel';

interface EditorFrameProps {
  /** What is corrected, for the button's and the control's names ("primary reason"). */
  subject: string;
  correction: Correction;
  /** The editing control, focused when it opens; Enter saves, Escape closes it. */
  control: (props: { onKeyDown: (event: KeyboardEvent) => void; ref: (element: HTMLElement | null) => void }) => ReactNode;
  onOpen: () => void;
  save: () => Promise<boolean>;
  /** Enter saves unless a modifier is needed (a textarea takes Enter for new lines). */
  saveKey?: (event: KeyboardEvent) => boolean;
}

/** A "Correct" button that opens a control with Save and Cancel; the focus goes in and comes back. */
function EditorFrame({ subject, correction, control, onOpen, save, saveKey = (event) => event.key === 'Enter' }: EditorFrameProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) field.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const submit = async (): Promise<void> => {
    if (await save()) setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    } else if (saveKey(event)) {
      event.preventDefault();
      void submit();
    }
  };

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        className="link-button ai-label__edit"
        data-testid="label-edit"
        onClick={() => {
          onOpen();
          setOpen(true);
        }}
      >
        Correct<span className="visually-hidden"> the {subject}</span>
      </button>
    );
  }
  return (
    <div className="ai-label__editor" data-testid="label-editor">
      {control({
        onKeyDown,
        ref: (element) => {
          field.current = element;
        },
      })}
      <div className="button-row">
        <button type="button" className="button button--small button--primary" data-testid="label-save" disabled={correction.working !== null} onClick={() => void submit()}>
          {correction.working === 'save' ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

interface ChoiceCorrectionProps {
  subject: string;
  current: string;
  options: readonly { value: string; label: string }[];
  correction: Correction;
  /** The option's value as the core takes it ("none" → null, say). */
  toValue?: (value: string) => unknown;
}

/** Corrects a label that is one of a few values: a reason, a sentiment. */
export function ChoiceCorrection({ subject, current, options, correction, toValue = (value) => value }: ChoiceCorrectionProps) {
  const [choice, setChoice] = useState(current);
  return (
    <EditorFrame
      subject={subject}
      correction={correction}
      onOpen={() => setChoice(current)}
      save={() => correction.save(toValue(choice))}
      control={({ onKeyDown, ref }) => (
        <select ref={ref} className="input input--compact" aria-label={`Corrected ${subject}`} data-testid="label-select" value={choice} onChange={(event) => setChoice(event.target.value)} onKeyDown={onKeyDown}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Rewrites the summary; Ctrl+Enter saves, as in the other long fields of the app. */
export function SummaryCorrection({ current, correction }: { current: string; correction: Correction }) {
  const [text, setText] = useState(current);
  return (
    <EditorFrame
      subject="summary"
      correction={correction}
      onOpen={() => setText(current)}
      save={() => correction.save(text)}
      saveKey={(event) => event.key === 'Enter' && (event.ctrlKey || event.metaKey)}
      control={({ onKeyDown, ref }) => (
        <textarea ref={ref} className="input ai-label__textarea" aria-label="Corrected summary" rows={5} maxLength={4000} value={text} onChange={(event) => setText(event.target.value)} onKeyDown={onKeyDown} />
      )}
    />
  );
}

/** The regretted flag has two values: one button turns it over. */
export function RegrettedCorrection({ current, correction }: { current: boolean; correction: Correction }) {
  return (
    <button type="button" className="link-button ai-label__edit" data-testid="label-toggle" disabled={correction.working !== null} onClick={() => void correction.save(!current)}>
      {correction.working === 'save' ? 'Saving…' : current ? 'Mark as not regretted' : 'Mark as regretted'}
    </button>
  );
}
