import type { HandlersOf } from '../api/define';
import type { skillMethods } from './contract';
import { defaultWeights } from './fusion/weights';
import type { SkillService } from './service';

export type SkillHandlers = HandlersOf<typeof skillMethods>;

export function createSkillHandlers(service: SkillService, now: () => number = Date.now): SkillHandlers {
  return {
    'skills.features': (source) => service.features(source),
    'skills.saveTranscript': ({ transcript }) => {
      const stored = service.saveTranscript(transcript);
      return {
        id: stored.id,
        source: stored.source,
        person: { id: stored.personId, name: stored.personName },
        takenAt: stored.takenAt,
        turns: stored.turns.length,
        answers: stored.turns.filter((turn) => turn.role === 'interviewee').length,
      };
    },
    'skills.infer': ({ reasoning, ...source }) => service.infer(source, reasoning),
    'skills.get': ({ id }) => service.store.assessment(id),
    'skills.assessments': ({ personId, from, to }) => service.store.assessmentsOf(personId, from, to),
    'skills.people': ({ search, limit }) => service.store.people(search, limit),
    'skills.rate': ({ id, skill, rating, note, by }) => service.rate(id, skill, rating, note, by),
    'skills.deleteAssessment': ({ id }) => ({ deleted: service.store.deleteAssessment(id) }),
    'skills.models': ({ skill }) => service.registry.list(skill),
    'skills.importModel': (input) => service.importModel(input),
    'skills.trainModel': async (input) => ({ models: await service.trainModel(input) }),
    'skills.activateModel': ({ skill, version }) => ({ skill, active: service.registry.activate(skill, version) }),
    'skills.getWeights': () => ({ current: service.weights.current(now()), defaults: defaultWeights }),
    'skills.weightHistory': () => {
      service.weights.current(now());
      return service.weights.history();
    },
    'skills.setWeights': ({ weights, note }) => service.setWeights(weights, note),
    'skills.inferMany': (input) => service.inferMany(input),
    'skills.job': ({ jobId }) => service.jobs.status(jobId),
    'skills.cancelJob': ({ jobId }) => service.jobs.cancel(jobId),
    'skills.export': ({ personId, format }) => service.export(personId, format),
  };
}
