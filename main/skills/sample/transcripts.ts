import { createRandom, type Random } from '../../batch/sample-data/prng';
import { skillIds, type SkillId, type TranscriptInput } from '../schema';
import { normalSample } from './labelled';

/**
 * A seeded generator of interview transcripts for tests and the bench: each person has a level
 * per skill, and each answer mixes plain sentences with sentences that show a skill strongly or
 * weakly, chosen by that level. Timings, revisions and pauses vary by person. Written for this
 * app; the sentences are ours.
 */

const questions = [
  'Tell me about a time you disagreed with a colleague. What happened?',
  'Describe a difficult problem you had to solve at work.',
  'How do you handle pressure or a tense moment?',
  'Tell me about a setback and what came after it.',
  'What would you like to do differently in your next role?',
];

const plain = [
  'The project ran for about six months.',
  'I was working mostly with the finance team at the time.',
  'There were four of us on the rota that year.',
  'It was a fairly ordinary quarter otherwise.',
  'Most of the work was reporting and reconciliation.',
  'The office moved floors halfway through.',
];

const strong: Record<SkillId, readonly string[]> = {
  empathy: [
    'I tried to see it from their point of view before I said anything.',
    'We sat down together and I asked how they felt about the change.',
    'I could tell she felt left out, so I listened to her concerns first.',
    'We agreed as a team that everyone should have a say.',
  ],
  'problem-solving': [
    'I broke it down into steps and tested each option because the data did not add up.',
    'We compared two approaches, found the root cause and fixed it.',
    'I realised the delay was caused by a manual step, so I measured it and tried an alternative.',
  ],
  'self-regulation': [
    'I took a moment, stayed calm and then explained my view.',
    'I noticed I was frustrated, so I paused before I answered.',
    'I reflected on it overnight and came back with a clear head.',
  ],
  resilience: [
    'It was a setback, but I kept going and learned from it.',
    'Next time I will plan earlier, and I am hopeful about the new project.',
    'We bounced back quickly and the next release went well.',
  ],
};

const weak: Record<SkillId, readonly string[]> = {
  empathy: ['I just told them what to do and moved on.', 'Honestly it was their problem, not mine.'],
  'problem-solving': ['I guess it sort of fixed itself in the end.', 'Maybe someone else sorted it, I am not sure.'],
  'self-regulation': ['I got angry and said things I regret, it was awful.', 'I was furious and stressed and I snapped at everyone.'],
  resilience: ['Nothing worked and I never really recovered from that.', 'I gave up on it, there was no point.'],
};

function answerFor(random: Random, level: Record<SkillId, number>): string {
  const sentences = [random.pick(plain)];
  for (const skill of skillIds) {
    if (random.next() < 0.5 + 0.2 * level[skill]) sentences.push(random.pick(strong[skill]));
    else if (random.next() < 0.5 - 0.2 * level[skill]) sentences.push(random.pick(weak[skill]));
  }
  if (random.chance(0.5)) sentences.push(random.pick(plain));
  return sentences.join(' ');
}

export function generateTranscripts(people: number, seed: number, takenAt = '2026-03-02'): TranscriptInput[] {
  const random = createRandom(seed);
  const transcripts: TranscriptInput[] = [];
  for (let person = 0; person < people; person += 1) {
    const level = Object.fromEntries(skillIds.map((skill) => [skill, Math.max(-2, Math.min(2, normalSample(random)))])) as Record<SkillId, number>;
    const wordsPerSecond = 0.5 + random.next() * 1.5;
    const turns: TranscriptInput['turns'] = [];
    for (const question of questions) {
      turns.push({ role: 'interviewer', text: question });
      const text = answerFor(random, level);
      const words = text.split(/\s+/).length;
      turns.push({
        role: 'interviewee',
        text,
        latencyMs: Math.round(1500 + random.next() * 9000 * (1 + Math.max(0, -level['self-regulation']))),
        typingMs: Math.round((words / wordsPerSecond) * 1000 * (0.8 + random.next() * 0.6)),
        revisions: random.int(0, 4),
        pauses: random.int(0, 3),
      });
    }
    transcripts.push({ person: { id: `person-${String(person + 1).padStart(4, '0')}`, name: `Person ${person + 1}` }, takenAt, turns });
  }
  return transcripts;
}
