import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { messageOf } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { Comparison } from './Comparison';
import { formatDay, personLabel } from './format';
import { SkillCard } from './SkillCard';
import { deleteAssessment, exportPerson, showAssessment, useSkills } from './store';

function PersonActions({ assessmentId }: { assessmentId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const remove = async (): Promise<void> => {
    setBusy(true);
    await run(() => deleteAssessment(assessmentId));
    setBusy(false);
    setConfirming(false);
  };
  return (
    <div className="skills-actions">
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => void run(() => exportPerson('csv'))} data-testid="skills-export-csv">
          Export CSV
        </button>
        <button type="button" className="button button--small" onClick={() => void run(() => exportPerson('json'))} data-testid="skills-export-json">
          Export JSON
        </button>
        <button type="button" className="button button--small button--quiet-danger" onClick={() => setConfirming(true)} data-testid="skills-delete">
          Delete this assessment
        </button>
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog open={confirming} title="Delete this assessment?" confirmLabel="Delete" danger busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        <p>Its scores, evidence and your ratings go. The interview or transcript it was read from stays.</p>
      </ConfirmDialog>
    </div>
  );
}

/** One person: the assessment shown in full (four skill cards), and every assessment compared over time. */
export function PersonView() {
  const personId = useSkills((state) => state.personId);
  const history = useSkills((state) => state.history);
  const assessment = useSkills((state) => state.assessment);
  const error = useSkills((state) => state.personError);

  if (personId === null) return <p className="muted">Pick a person to see their skills.</p>;
  if (error !== null)
    return (
      <div className="notice notice--error" role="alert">
        <p>{error}</p>
      </div>
    );
  if (assessment === null || history === null) return <p className="muted">Reading the assessment…</p>;

  const position = history.findIndex((entry) => entry.id === assessment.id) + 1;
  return (
    <div className="skills-person" data-testid="skills-person" data-person={personId} data-assessment={assessment.id}>
      <section className="card" aria-labelledby="skills-person-title">
        <div className="card__head">
          <h2 id="skills-person-title" className="card__title">
            {personLabel(assessment.person)}
          </h2>
          <PersonActions assessmentId={assessment.id} />
        </div>
        <p className="card__lead">
          Assessment {position} of {history.length}, from {assessment.source === 'exit-interview' ? 'an exit interview' : 'a transcript'} of {formatDay(assessment.takenAt)} · {assessment.answers} answers, {assessment.words} words · read {formatTime(assessment.createdAt)}
        </p>
      </section>
      <Comparison history={history} shownId={assessment.id} onShow={(id) => void showAssessment(id)} />
      <div className="skill-grid" data-testid="skill-cards">
        {assessment.results.map((result) => (
          <SkillCard key={`${assessment.id}-${result.skill}`} result={result} />
        ))}
      </div>
    </div>
  );
}
