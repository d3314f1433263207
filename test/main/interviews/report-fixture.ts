import type { AggregateRow } from '../../../main/interviews/aggregate';
import { interviewDetailSchema, type Analysis, type InterviewDetail, type Turn } from '../../../main/interviews/schema';

/** A finished, analysed exit interview, as the store returns it; tests change what they need. */

export const distinctiveAnswerWord = 'Zanzibar';
export const scriptAnswer = '<script>alert("gotcha")</script> & the "roadmap" wasn\'t mine';

const template = { id: 'exit-analysis', version: '3' };

const turn = (seq: number, fields: Partial<Turn> & Pick<Turn, 'role' | 'kind' | 'text'>): Turn => ({
  seq,
  area: null,
  source: fields.role === 'employee' ? 'employee' : 'llm',
  model: fields.role === 'employee' || fields.source === 'script' ? null : 'llama3.1:8b',
  template: fields.role === 'employee' || fields.source === 'script' ? null : { id: 'exit-interviewer', version: '2' },
  at: `2026-11-30T10:${String(seq).padStart(2, '0')}:00.000Z`,
  typingMs: fields.role === 'employee' ? 42_000 : null,
  revisions: fields.role === 'employee' ? 3 : null,
  ...fields,
});

const turns: Turn[] = [
  turn(0, { role: 'interviewer', kind: 'opening', text: 'Thank you for taking the time to talk with us today.' }),
  turn(1, { role: 'interviewer', kind: 'question', area: 'career-growth', source: 'script', text: 'How did you see your growth here?' }),
  turn(2, { role: 'employee', kind: 'answer', area: 'career-growth', text: `I wanted to lead the ${distinctiveAnswerWord} project but it never came.` }),
  turn(3, { role: 'interviewer', kind: 'follow-up', area: 'manager', text: 'What part did your manager play in that?' }),
  turn(4, { role: 'employee', kind: 'answer', area: 'manager', text: scriptAnswer }),
  turn(5, { role: 'interviewer', kind: 'closing', source: 'script', text: 'Thank you, and good luck.' }),
];

const label = <T>(value: T, method: Analysis['method'] = 'llm') => ({ value, suggested: value, method, correctedAt: null, note: null });

const analysis: Analysis = {
  interviewId: 'c0ffee12-3456-4789-abcd-ef0123456789',
  createdAt: '2026-11-30T11:00:00.000Z',
  method: 'llm',
  model: 'llama3.1:8b',
  template,
  options: { temperature: 0 },
  primaryReason: { value: 'manager', suggested: 'career-growth', method: 'llm', correctedAt: '2026-12-01T09:15:00.000Z', note: 'She said it twice off the record.' },
  secondaryReason: label('career-growth', 'lexicon'),
  themes: [{ reason: 'career-growth', label: 'No path to lead', quotes: [{ seq: 2, text: `I wanted to lead the ${distinctiveAnswerWord} project` }] }],
  answers: [
    { seq: 2, sentiment: label({ label: 'negative', score: -0.6 }) },
    { seq: 4, sentiment: { value: { label: 'negative', score: -0.8 }, suggested: { label: 'neutral', score: 0 }, method: 'lexicon', correctedAt: '2026-12-01T09:16:00.000Z', note: null } },
  ],
  overall: label({ label: 'negative', score: -0.7 }),
  regretted: label(true),
  regrettedBasis: 'Strong reviews and a voluntary exit.',
  summary: label('Left for lack of growth under her manager.'),
};

export function interviewDetail(overrides: Partial<InterviewDetail> = {}, setup: Partial<InterviewDetail['setup']> = {}): InterviewDetail {
  return interviewDetailSchema.parse({
    id: 'c0ffee12-3456-4789-abcd-ef0123456789',
    status: 'completed',
    setup: {
      employeeName: 'Jane Doe',
      employeeRef: 'EMP-1042',
      anonymous: false,
      department: 'R&D "Platform"',
      role: 'Senior engineer',
      tenureMonths: 40,
      manager: "Sam O'Neil",
      voluntary: true,
      leavingDate: '2026-12-15',
      ...setup,
    },
    guideVersion: '4',
    model: 'llama3.1:8b',
    createdAt: '2026-11-29T16:00:00.000Z',
    startedAt: '2026-11-30T10:00:00.000Z',
    endedAt: '2026-11-30T10:30:00.000Z',
    answers: 2,
    primaryReason: 'manager',
    overall: 'negative',
    analysed: true,
    turns,
    draft: '',
    progress: { area: null, areaIndex: 2, areas: 2 },
    analysis,
    ...overrides,
  });
}

export function aggregateRow(fields: Partial<AggregateRow> = {}): AggregateRow {
  return {
    at: Date.UTC(2026, 0, 15),
    department: 'Engineering',
    manager: 'Ada Park',
    tenureMonths: 30,
    primaryReason: 'career-growth',
    overallScore: -0.5,
    overallLabel: 'negative',
    regretted: false,
    ...fields,
  };
}

/** `count` copies of a row: a group of interviews that share these fields. */
export const rowsOf = (count: number, fields: Partial<AggregateRow> = {}): AggregateRow[] => Array.from({ length: count }, () => aggregateRow(fields));
