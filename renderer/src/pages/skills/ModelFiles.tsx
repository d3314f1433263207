import { useId, useRef, useState } from 'react';
import { skillIds, type SkillId } from '../../../../main/skills/schema';
import { messageOf } from '../../lib/errors';
import { skillTitle } from './format';
import { importModel, trainModels, useModels } from './models-store';
import { readChosenFile } from './read-file';
import { TrainResults } from './TrainResults';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  if (outcome === null) return null;
  return (
    <p className={outcome.tone === 'error' ? 'inline-error' : 'footnote'} role={outcome.tone === 'error' ? 'alert' : 'status'} data-testid={testId} data-tone={outcome.tone}>
      {outcome.text}
    </p>
  );
}

/** An XGBoost JSON model chosen here is read as text and imported for one skill; the core checks its features. */
export function ImportModel() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [skill, setSkill] = useState<SkillId>('empathy');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (): Promise<void> => {
    if (input.current === null) return;
    setBusy(true);
    setOutcome(null);
    try {
      const file = await readChosenFile(input.current);
      if (file === null) throw new Error('Choose a model file first');
      const entry = await importModel(skill, file.text);
      setOutcome({ tone: 'ok', text: `Imported ${file.name} as ${skillTitle(skill)} v${entry.version}; it is now in use.` });
    } catch (error) {
      setOutcome({ tone: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
      if (input.current !== null) input.current.value = '';
    }
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="skills-import">
      <h3 id={`${id}-title`} className="card__title">
        Import a model
      </h3>
      <p className="card__lead">
        An XGBoost model saved with <code>Booster.save_model(&apos;model.json&apos;)</code>, trained on our 26 features by name.
      </p>
      <div className="skills-file-row">
        <label className="field__control">
          <span className="field__label">Skill</span>
          <select className="input input--compact" value={skill} onChange={(event) => setSkill(event.target.value as SkillId)} data-testid="skills-import-skill">
            {skillIds.map((value) => (
              <option key={value} value={value}>
                {skillTitle(value)}
              </option>
            ))}
          </select>
        </label>
        <label className="field__control">
          <span className="field__label">Model file (JSON)</span>
          <input ref={input} type="file" accept=".json,application/json" className="input" disabled={busy} onChange={() => void run()} data-testid="skills-import-file" />
        </label>
      </div>
      <OutcomeLine outcome={outcome} testId="skills-import-outcome" />
    </section>
  );
}

/** A labelled CSV chosen here is read as text and trained on; the held-out scores are shown beside the mean baseline. */
export function TrainModel() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const trained = useModels((state) => state.trained);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (): Promise<void> => {
    if (input.current === null) return;
    setBusy(true);
    setOutcome(null);
    try {
      const file = await readChosenFile(input.current);
      if (file === null) throw new Error('Choose a CSV file first');
      setOutcome({ tone: 'ok', text: `Training on ${file.name}…` });
      await trainModels(file.text);
      setOutcome({ tone: 'ok', text: `Trained on ${file.name}. A model is put in use only where it beats the mean baseline.` });
    } catch (error) {
      setOutcome({ tone: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
      if (input.current !== null) input.current.value = '';
    }
  };
  return (
    <section className={trained === null ? 'card' : 'card card--wide'} aria-labelledby={`${id}-title`} data-testid="skills-train" aria-busy={busy}>
      <h3 id={`${id}-title`} className="card__title">
        Train from labelled data
      </h3>
      <p className="card__lead">A CSV with the 26 feature columns (0–1, empty when missing) and a 1–5 rating per skill; at least 30 rated rows per skill. A fifth of the rows is held out to score the model.</p>
      <label className="field__control">
        <span className="field__label">Training file (CSV)</span>
        <input ref={input} type="file" accept=".csv,text/csv" className="input" disabled={busy} onChange={() => void run()} data-testid="skills-train-file" />
      </label>
      <OutcomeLine outcome={outcome} testId="skills-train-outcome" />
      {trained !== null && <TrainResults models={trained} />}
    </section>
  );
}
