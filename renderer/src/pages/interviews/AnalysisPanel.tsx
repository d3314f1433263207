import { useEffect } from 'react';
import type { Analysis, InterviewDetail } from '../../../../main/interviews/schema';
import { formatTime } from '../../lib/format';
import { AnalysisLabels } from './AnalysisLabels';
import { isFinished, reasonTitle } from './format';
import { analyseInterview, useInterviews } from './store';

/** Interviews analysed without being asked, so closing and reopening one does not analyse it again. */
const analysedOnOpen = new Set<string>();

/** A finished interview with answers and no analysis is analysed once, as soon as it is opened. */
function useAnalyseOnOpen(detail: InterviewDetail): void {
  const { id, status, answers, analysis } = detail;
  useEffect(() => {
    if (!isFinished(status) || answers === 0 || analysis !== null || analysedOnOpen.has(id)) return;
    analysedOnOpen.add(id);
    void analyseInterview(id);
  }, [id, status, answers, analysis]);
}

function MadeBy({ analysis }: { analysis: Analysis }) {
  const how =
    analysis.method === 'llm'
      ? `by ${analysis.model ?? 'the local model'} with the prompt ${analysis.template.id} v${analysis.template.version}`
      : 'with the lexicon (the local model was not available)';
  return (
    <p className="footnote" data-testid="analysis-made-by" data-method={analysis.method}>
      Analysed {how}, {formatTime(analysis.createdAt)}. Every label can be corrected; your value then counts in reports.
    </p>
  );
}

function Themes({ analysis }: { analysis: Analysis }) {
  if (analysis.themes.length === 0) return <p className="muted">No themes were found.</p>;
  return (
    <ul className="themes" data-testid="analysis-themes">
      {analysis.themes.map((theme) => (
        <li key={`${theme.reason}-${theme.label}`} className="theme" data-testid="analysis-theme" data-reason={theme.reason}>
          <p className="theme__head">
            <span className="theme__label">{theme.label}</span>
            {/* The reason is named only where the model's label does not already say it. */}
            {theme.label.toLowerCase() !== reasonTitle(theme.reason).toLowerCase() && <span className="tag theme__reason">{reasonTitle(theme.reason)}</span>}
          </p>
          <ul className="theme__quotes">
            {theme.quotes.map((quote) => (
              <li key={`${quote.seq}-${quote.text}`}>
                <blockquote className="quote">“{quote.text}”</blockquote>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** What the answers say: reasons, sentiment, regretted, summary and themes, or the button that finds out. */
export function AnalysisPanel({ detail }: { detail: InterviewDetail }) {
  const analysing = useInterviews((state) => state.analysing === detail.id);
  const error = useInterviews((state) => state.analysisError);
  useAnalyseOnOpen(detail);
  const { analysis } = detail;

  const analyseButton = detail.answers > 0 && (
    <button type="button" className={`button button--small${analysis === null ? ' button--primary' : ''}`} data-testid="analysis-run" disabled={analysing} onClick={() => void analyseInterview(detail.id)}>
      {analysing ? 'Analysing…' : analysis === null ? 'Analyse' : 'Analyse again'}
    </button>
  );

  let body;
  if (analysis !== null) {
    body = (
      <>
        <MadeBy analysis={analysis} />
        <AnalysisLabels analysis={analysis} />
        <h4 className="analysis__subtitle">Themes, in the employee’s words</h4>
        <Themes analysis={analysis} />
      </>
    );
  } else if (detail.answers === 0) {
    body = <p className="muted">Nothing to analyse yet: the employee has not answered.</p>;
  } else {
    body = <p className="muted">{analysing ? 'Reading the answers… this takes a few seconds with the local model.' : 'Not analysed yet.'}</p>;
  }

  return (
    <section className="card analysis" aria-labelledby="analysis-title" aria-busy={analysing || undefined} data-testid="interview-analysis" data-analysed={analysis !== null}>
      <div className="card__head">
        <h3 id="analysis-title" className="card__title">
          Analysis
        </h3>
        {analyseButton}
      </div>
      {body}
      {error !== null && !analysing && (
        <p className="inline-error" role="alert" data-testid="analysis-error">
          {error}
        </p>
      )}
    </section>
  );
}
