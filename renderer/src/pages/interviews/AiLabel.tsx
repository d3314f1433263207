import type { ReactNode } from 'react';
import type { Analysis, CorrectionField } from '../../../../main/interviews/schema';
import { useAction } from '../models/useAction';
import { provenanceOf } from './format';
import { correctLabel } from './store';

export interface Correction {
  working: 'save' | 'undo' | null;
  error: string | null;
  save: (value: unknown) => Promise<boolean>;
  undo: () => Promise<boolean>;
}

/** Saving and undoing the analyst's value for one label, one call at a time. */
export function useCorrection(id: string, field: CorrectionField): Correction {
  const action = useAction<'save' | 'undo'>();
  return {
    working: action.running,
    error: action.error,
    save: (value) => action.run('save', () => correctLabel(id, field, value)),
    undo: () => action.run('undo', () => correctLabel(id, field, undefined, true)),
  };
}

interface LabelState {
  method: Analysis['method'];
  correctedAt: string | null;
}

interface AiLabelProps {
  testId: string;
  title: string;
  /** The value that counts, as the analyst reads it. */
  shown: ReactNode;
  /** The raw value, for tests and styling. */
  raw: string;
  /** What the analysis suggested, as text: shown once the analyst has corrected it. */
  suggested: string;
  label: LabelState;
  analysis: Analysis;
  correction: Correction;
  /** The control that corrects the label. */
  children: ReactNode;
  compact?: boolean;
}

/**
 * One AI label: its value, how it was made (model and prompt, or the lexicon), and, once the
 * analyst corrected it, the word "corrected", the suggestion it replaced and a way back.
 */
export function AiLabel({ testId, title, shown, raw, suggested, label, analysis, correction, children, compact = false }: AiLabelProps) {
  const corrected = label.correctedAt !== null;
  return (
    <div className={`ai-label${compact ? ' ai-label--compact' : ''}`} data-testid={testId} data-value={raw} data-method={label.method} data-corrected={corrected}>
      {!compact && <div className="ai-label__title">{title}</div>}
      <div className="ai-label__value" data-testid="label-value">
        {shown}
      </div>
      <div className="ai-label__meta">
        <span className="ai-label__method" data-testid="label-method" title="How this label was made">
          {corrected ? 'Set by you' : provenanceOf(analysis, label.method)}
        </span>
        {corrected && (
          <>
            <span className="tag tag--corrected" data-testid="label-corrected">
              corrected
            </span>
            <span className="ai-label__suggested" data-testid="label-suggested">
              suggested: {suggested} ({provenanceOf(analysis, label.method)})
            </span>
            <button type="button" className="link-button ai-label__undo" disabled={correction.working !== null} onClick={() => void correction.undo()} aria-label={`Undo correction of ${title.toLowerCase()}`}>
              {correction.working === 'undo' ? 'Undoing…' : 'Undo correction'}
            </button>
          </>
        )}
      </div>
      {children}
      {correction.error !== null && (
        <p className="inline-error" role="alert">
          {correction.error}
        </p>
      )}
    </div>
  );
}
