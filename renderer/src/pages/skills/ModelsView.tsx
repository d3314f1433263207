import { useEffect } from 'react';
import { ImportModel, TrainModel } from './ModelFiles';
import { ModelRegistry } from './ModelRegistry';
import { loadModels, useModels } from './models-store';

/** The model registry per skill, and the two ways in: import an XGBoost model, or train from labelled data. */
export function ModelsView() {
  const models = useModels((state) => state.models);
  const error = useModels((state) => state.error);
  useEffect(() => void loadModels(), []);
  return (
    <div className="skills-models" data-testid="skills-models">
      <div className="skill-grid skill-grid--two">
        <TrainModel />
        <ImportModel />
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          The models could not be read: {error}
        </p>
      )}
      {models === null ? error === null && <p className="muted">Reading the models…</p> : <ModelRegistry models={models} />}
    </div>
  );
}
