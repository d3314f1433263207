import { useState } from 'react';
import { skillIds, type SkillId } from '../../../../main/skills/schema';
import type { ModelEntry } from '../../../../main/skills/schema-results';
import { messageOf } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { formatThree, formatTwo, skillTitle } from './format';
import { activateModel } from './models-store';

const metric = (value: number | null | undefined, format: (value: number) => string): string => (value === null || value === undefined ? '—' : format(value));

function SkillModels({ skill, models }: { skill: SkillId; models: readonly ModelEntry[] }) {
  const [error, setError] = useState<string | null>(null);
  const active = models.find((model) => model.active) ?? null;
  const activate = async (version: number | null): Promise<void> => {
    setError(null);
    try {
      await activateModel(skill, version);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <section className="card" aria-labelledby={`models-${skill}`} data-testid="skills-model-skill" data-skill={skill} data-active={active?.version ?? ''}>
      <div className="card__head">
        <h3 id={`models-${skill}`} className="card__title">
          {skillTitle(skill)}
        </h3>
        <button type="button" className="button button--small" disabled={active === null} onClick={() => void activate(null)} data-testid="skills-model-none">
          Use no model
        </button>
      </div>
      <p className="card__lead">{active === null ? 'No model: scores come from the linguistic and behavioural evidence.' : `Version ${active.version} is in use.`}</p>
      {models.length > 0 && (
        <div className="table-scroll">
          <table className="table skills-models-table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Source</th>
                <th scope="col">Checksum</th>
                <th scope="col" className="num">Features</th>
                <th scope="col" className="num" title="Root-mean-square error on the held-out rows">Held-out RMSE</th>
                <th scope="col" className="num" title="The same for always predicting the training mean">Baseline RMSE</th>
                <th scope="col" className="num" title="Pearson correlation on the held-out rows">Pearson r</th>
                <th scope="col">In use</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id} data-testid="skills-model-row" data-version={model.version} data-active={model.active}>
                  <th scope="row">
                    v{model.version}
                    <div className="muted skills-model-date">{formatTime(model.createdAt)}</div>
                  </th>
                  <td>{model.source}</td>
                  <td className="mono" title={model.checksum}>
                    {model.checksum.slice(0, 8)}
                  </td>
                  <td className="num">{model.features.length}</td>
                  <td className="num" data-testid="skills-model-rmse">{metric(model.metrics?.holdoutRmse, formatThree)}</td>
                  <td className="num">{metric(model.metrics?.baselineRmse, formatThree)}</td>
                  <td className="num">{metric(model.metrics?.holdoutPearson, formatTwo)}</td>
                  <td>
                    {model.active ? (
                      <span className="badge" data-tone="active">
                        Active
                      </span>
                    ) : (
                      <button type="button" className="button button--small" onClick={() => void activate(model.version)} data-testid="skills-model-activate">
                        Activate
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Every imported or trained model per skill, newest first, with its held-out metrics and which is in use. */
export function ModelRegistry({ models }: { models: readonly ModelEntry[] }) {
  return (
    <div className="skill-grid skill-grid--models">
      {skillIds.map((skill) => (
        <SkillModels key={skill} skill={skill} models={models.filter((model) => model.skill === skill)} />
      ))}
    </div>
  );
}
