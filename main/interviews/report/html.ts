import type { InterviewDetail } from '../schema';
import { reportContentOf } from './content';
import { analysisHtml, escapeHtml, factsHtml, htmlDocument, transcriptHtml } from './html-parts';

/**
 * One exit interview as a self-contained HTML document: inline styles, no scripts, nothing
 * fetched from anywhere, so it opens offline and prints cleanly.
 */

const styles = `
  @page { size: A4; margin: 18mm; }
  body { font: 11pt/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1rem; margin-top: 1.2rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
  th { width: 11rem; font-weight: 600; }
  .muted, .provenance { color: #666; font-size: .9em; }
  .correction { color: #8a4b00; font-size: .9em; }
  .note, .detail { font-size: .9em; }
  blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #ccc; }
  .turn { margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
  .turn p { margin: .2rem 0 0; }
  .turn.employee p { padding-left: .8rem; border-left: 3px solid #7aa7d8; }
  .who { font-weight: 600; }
  footer { margin-top: 2rem; color: #666; font-size: .85em; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

export function renderInterviewHtml(detail: InterviewDetail, options: { generatedAt: Date; guideTitle?: string }): string {
  const content = reportContentOf(detail, options);
  return htmlDocument(content.title, styles, [
    factsHtml(content.facts),
    analysisHtml(content.analysis),
    transcriptHtml(content.transcript),
    `<footer>${escapeHtml(content.footer)}</footer>`,
  ]);
}
