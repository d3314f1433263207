import type { HandlersOf } from '../api/define';
import { aggregateCsv, aggregateInterviews, type AggregateRow } from './aggregate';
import { readAnalysis } from './analysis/store';
import type { interviewMethods } from './contract';
import { reportFileName } from './report/file-name';
import { renderInterviewHtml } from './report/html';
import { renderInterviewPdf } from './report/pdf';
import type { Aggregate, ReportFile } from './schema';
import type { InterviewService } from './service';

export type InterviewHandlers = HandlersOf<typeof interviewMethods>;

const dayMs = 86_400_000;

/** Finished interviews of a period (by the day they ended, both ends included) as the aggregate counts them. */
export function aggregateOf(service: InterviewService, input: { from: string; to: string; minGroupSize: number }): Aggregate {
  const rows: AggregateRow[] = [];
  let notAnalysed = 0;
  for (const row of service.store.finishedBetween(Date.parse(`${input.from}T00:00:00Z`), Date.parse(`${input.to}T00:00:00Z`) + dayMs)) {
    const analysis = readAnalysis(service.store.db, row.id);
    if (analysis === null || row.ended_at === null) {
      notAnalysed += 1;
      continue;
    }
    rows.push({
      at: row.ended_at,
      department: row.department,
      manager: row.manager,
      tenureMonths: row.tenure_months,
      primaryReason: analysis.primaryReason.value,
      overallScore: analysis.overall.value.score,
      overallLabel: analysis.overall.value.label,
      regretted: analysis.regretted.value,
    });
  }
  return aggregateInterviews(rows, input, notAnalysed);
}

export function createInterviewHandlers(service: InterviewService, now: () => number = Date.now): InterviewHandlers {
  return {
    'interviews.guide': ({ version }) => service.guides.get(version, now()),
    'interviews.guides': () => service.guides.list(now()),
    'interviews.saveGuide': (edit) => service.guides.save(edit, now()),
    'interviews.create': (setup) => service.create(setup),
    'interviews.list': ({ search, status, offset, limit }) => {
      const { total, rows } = service.store.list(search, status, offset, limit);
      return { total, items: rows.map((row) => service.summary(row)) };
    },
    'interviews.get': ({ id }) => service.detail(id),
    'interviews.start': ({ id }) => service.start(id),
    'interviews.answer': ({ id, text, typingMs, revisions }) => service.answer(id, text, { typingMs, revisions }),
    'interviews.saveDraft': ({ id, text }) => service.saveDraft(id, text),
    'interviews.pause': ({ id }) => service.pause(id),
    'interviews.end': ({ id }) => service.end(id),
    'interviews.analyse': ({ id }) => service.analyse(id),
    'interviews.correct': ({ id, field, value, note, clear }) => service.correct(id, field, value, note, clear),
    'interviews.report': async ({ id, format }): Promise<ReportFile> => {
      const detail = service.detail(id);
      const generatedAt = new Date(now());
      if (format === 'pdf') {
        const pdf = await renderInterviewPdf(detail, { generatedAt });
        return { fileName: reportFileName(detail, 'pdf'), mime: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') };
      }
      return { fileName: reportFileName(detail, 'html'), mime: 'text/html;charset=utf-8', encoding: 'utf8', content: renderInterviewHtml(detail, { generatedAt }) };
    },
    'interviews.aggregate': (input) => aggregateOf(service, input),
    'interviews.aggregateCsv': (input) => ({
      fileName: `exit-interviews-${input.from}-to-${input.to}.csv`,
      mime: 'text/csv;charset=utf-8',
      encoding: 'utf8',
      content: aggregateCsv(aggregateOf(service, input)),
    }),
    'interviews.delete': ({ id }) => service.delete(id),
  };
}
