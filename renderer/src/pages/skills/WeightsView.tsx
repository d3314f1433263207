import { useEffect, useState } from 'react';
import { skillIds, type SkillId } from '../../../../main/skills/schema';
import { messageOf } from '../../lib/errors';
import { formatTwo, skillTitle } from './format';
import { WeightHistory } from './WeightHistory';
import { loadWeights, resetToDefaults, saveWeights, setWeight, sumOf, useWeights, weightKeys, weightProblem, type WeightKey } from './weights-store';

const keyLabels: Record<WeightKey, string> = { ml: 'Model', linguistic: 'Linguistic', behavioural: 'Behavioural', confidenceAdjustment: 'Confidence adjustment' };

function SkillWeightsRow({ skill }: { skill: SkillId }) {
  const row = useWeights((state) => state.draft?.[skill]);
  if (row === undefined) return null;
  const problem = weightProblem(row);
  return (
    <tr data-testid="skills-weights-row" data-skill={skill} data-valid={problem === null}>
      <th scope="row">{skillTitle(skill)}</th>
      {weightKeys.map((key) => (
        <td key={key}>
          <input
            className="input input--number skills-weight-input"
            type="number"
            inputMode="decimal"
            min={0}
            max={1}
            step={0.05}
            aria-label={`${skillTitle(skill)}: ${keyLabels[key]} weight`}
            aria-invalid={problem !== null || undefined}
            value={row[key]}
            onChange={(event) => setWeight(skill, key, event.target.value)}
            data-testid={`skills-weight-${key}`}
          />
        </td>
      ))}
      <td className="num skills-weight-sum" data-testid="skills-weights-sum" data-ok={problem === null}>
        {formatTwo(sumOf(row))}
      </td>
      <td className="skills-weight-problem" data-testid="skills-weights-problem">
        {problem === null ? <span className="muted">sums to 1</span> : <span className="error-text">{problem}</span>}
      </td>
    </tr>
  );
}

/** The fusion weights per skill as a form with a live sum; saved as the next version, never edited in place. */
export function WeightsView() {
  const draft = useWeights((state) => state.draft);
  const current = useWeights((state) => state.current);
  const history = useWeights((state) => state.history);
  const note = useWeights((state) => state.note);
  const loadError = useWeights((state) => state.error);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => void loadWeights(), []);

  if (draft === null) return loadError === null ? <p className="muted">Reading the weights…</p> : <p className="inline-error">The weights could not be read: {loadError}</p>;
  const problems = skillIds.filter((skill) => weightProblem(draft[skill]) !== null);
  const save = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await saveWeights();
      setOutcome({ tone: 'ok', text: `Saved as version ${saved.version}; assessments from now on use it.` });
    } catch (error) {
      setOutcome({ tone: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="skills-weights" data-testid="skills-weights">
      <section className="card" aria-labelledby="skills-weights-title">
        <h3 id="skills-weights-title" className="card__title">
          Fusion weights{current !== null && <span className="muted"> · version {current.version} in force</span>}
        </h3>
        <p className="card__lead">How much the model, the linguistic and the behavioural evidence count per skill, and how far doubt pulls the score toward 3. Each row must sum to 1; a missing source&apos;s weight goes to the others.</p>
        <div className="table-scroll">
          <table className="table skills-weights-table">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                {weightKeys.map((key) => (
                  <th key={key} scope="col">
                    {keyLabels[key]}
                  </th>
                ))}
                <th scope="col" className="num">Sum</th>
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {skillIds.map((skill) => (
                <SkillWeightsRow key={skill} skill={skill} />
              ))}
            </tbody>
          </table>
        </div>
        <label className="field__control">
          <span className="field__label">Note</span>
          <input className="input" type="text" maxLength={1000} placeholder="Why these weights (optional)" value={note} onChange={(event) => useWeights.setState({ note: event.target.value })} data-testid="skills-weights-note" />
        </label>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy || problems.length > 0} onClick={() => void save()} data-testid="skills-weights-save">
            {busy ? 'Saving…' : 'Save as the next version'}
          </button>
          <button type="button" className="button" disabled={busy} onClick={resetToDefaults} data-testid="skills-weights-reset">
            Reset to defaults
          </button>
        </div>
        {problems.length > 0 && (
          <p className="inline-error" role="status" data-testid="skills-weights-refused">
            Not saved until every row sums to 1: {problems.map((skill) => `${skillTitle(skill)} (${weightProblem(draft[skill])})`).join('; ')}.
          </p>
        )}
        {outcome !== null && (
          <p className={outcome.tone === 'error' ? 'inline-error' : 'footnote'} role={outcome.tone === 'error' ? 'alert' : 'status'} data-testid="skills-weights-outcome">
            {outcome.text}
          </p>
        )}
      </section>
      {history !== null && <WeightHistory history={history} />}
    </div>
  );
}
