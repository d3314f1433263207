import { escapeHtml, htmlDocument } from '../../report/html-parts';
import type { KitDetail } from '../schema';
import { kitReportContent, type KitReportQuestion } from './content';

/**
 * A kit as one self-contained HTML page: inline styles, no scripts, nothing fetched, so it opens
 * offline and prints as the interviewer's sheet. Every text from the data is escaped.
 */

const styles = `
  @page { size: A4; margin: 16mm; }
  body { font: 11pt/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1f; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .25rem .5rem; border-bottom: 1px solid #eee; }
  th { width: 10rem; font-weight: 600; }
  .question { font-size: 1.05rem; font-weight: 600; margin: .4rem 0; }
  .muted { color: #666; font-size: .9em; }
  .notice { color: #8a4b00; font-size: .9em; }
  .rubric th { width: 2.5rem; }
  .notes { white-space: pre-wrap; border-left: 3px solid #7aa7d8; padding-left: .6rem; }
  section.q { break-inside: avoid; page-break-inside: avoid; }
  footer { margin-top: 2rem; color: #666; font-size: .85em; }
`;

const text = (value: string): string => escapeHtml(value).replace(/\r?\n/g, '<br>');

function questionHtml(question: KitReportQuestion): string {
  const parts = [`<section class="q"><h2>${text(question.heading)}</h2>`, `<p class="muted">Gap: ${text(question.gap)}</p>`];
  if (question.question === null) parts.push('<p class="muted">This question has not been written yet.</p>');
  else {
    parts.push(`<p class="question">${text(question.question)}</p>`);
    parts.push(`<table class="probes">${question.probes.map((probe) => `<tr><th scope="row">${text(probe.label)}</th><td>${text(probe.text)}</td></tr>`).join('')}</table>`);
    parts.push(`<h3>Rating scale</h3><table class="rubric">${question.rubric.map((level) => `<tr><th scope="row">${level.score}</th><td>${text(level.anchor)}</td></tr>`).join('')}</table>`);
    parts.push(`<h3>Signs of a strong answer</h3><ul>${question.strongSigns.map((sign) => `<li>${text(sign)}</li>`).join('')}</ul>`);
  }
  parts.push(`<p class="muted">${text(question.provenance)}</p>`);
  if (question.notice !== null) parts.push(`<p class="notice">${text(question.notice)}</p>`);
  parts.push(`<p><strong>Rating:</strong> ${text(question.rating)}</p>`);
  parts.push(question.notes === null ? '<p class="muted">No notes.</p>' : `<div class="notes">${text(question.notes)}</div>`);
  parts.push('</section>');
  return parts.join('');
}

export function renderKitHtml(kit: KitDetail, options: { generatedAt: Date }): string {
  const content = kitReportContent(kit, options);
  const facts = content.facts.map((fact) => `<tr><th scope="row">${text(fact.label)}</th><td>${text(fact.value)}</td></tr>`).join('');
  return htmlDocument(content.title, styles, [
    `<table class="facts">${facts}</table>`,
    `<p>${text(content.ratingsSummary)}</p>`,
    ...content.questions.map(questionHtml),
    `<footer>${text(content.footer)}</footer>`,
  ]);
}
