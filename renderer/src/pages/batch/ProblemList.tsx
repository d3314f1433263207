import { useState } from 'react';
import { formatInteger } from '../../lib/format';
import { problemPlace, type IngestProblem } from './format';

const shownAtFirst = 20;

function leadOf(problems: readonly IngestProblem[], errors: number): string {
  const aboutLines = problems.every((problem) => problem.line > 0);
  if (!aboutLines) return 'Found when the file was queued. Lines named were skipped; the others were queued.';
  return errors === problems.length ? 'These lines were skipped; every other line was queued.' : 'Lines with errors were skipped; lines with warnings were queued as the warning says.';
}

/**
 * The problems found in the file when it was queued, each where it is (file:line, field) and what
 * to do: the lines named were skipped or changed; the others ran.
 */
export function ProblemList({ problems }: { problems: readonly IngestProblem[] }) {
  const [showAll, setShowAll] = useState(false);
  if (problems.length === 0) return null;
  const shown = showAll ? problems : problems.slice(0, shownAtFirst);
  const errors = problems.filter((problem) => problem.severity !== 'warning').length;
  return (
    <div className="monitor-section" data-testid="batch-problems" data-count={problems.length}>
      <h3 className="monitor-section__title">
        {formatInteger(problems.length)} {problems.length === 1 ? 'problem' : 'problems'} in the file
      </h3>
      <p className="muted">{leadOf(problems, errors)}</p>
      <ul className="problem-list">
        {shown.map((problem, index) => {
          const place = problemPlace(problem);
          return (
            <li key={index} className="problem" data-testid="batch-problem" data-line={problem.line} data-field={problem.field ?? ''} data-severity={problem.severity ?? 'error'}>
              <span className="problem__place mono">
                {place}
                {problem.field !== undefined && <span className="problem__field"> [{problem.field}]</span>}
              </span>{' '}
              {problem.severity === 'warning' && <span className="badge" data-tone="warn">Warning</span>}{' '}
              <span className="problem__message">{problem.message}</span>
            </li>
          );
        })}
      </ul>
      {problems.length > shownAtFirst && (
        <div className="button-row">
          <button type="button" className="button button--small" aria-expanded={showAll} onClick={() => setShowAll((all) => !all)}>
            {showAll ? `Show the first ${shownAtFirst}` : `Show all ${formatInteger(problems.length)}`}
          </button>
        </div>
      )}
      {problems.length >= 1000 && <p className="footnote">The first 1,000 problems are kept with the batch.</p>}
    </div>
  );
}
