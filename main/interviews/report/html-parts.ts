import type { ReportAnalysis, ReportFact, ReportLabel, ReportTurn } from './content';

/** Pieces of the HTML report. Every piece of text from the data goes through `escapeHtml`. */

const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);

/** Line breaks the employee typed are kept; everything else is escaped first. */
const paragraphText = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

export function factsHtml(facts: readonly ReportFact[]): string {
  const rows = facts.map((fact) => `<tr><th scope="row">${escapeHtml(fact.label)}</th><td>${escapeHtml(fact.value)}</td></tr>`);
  return `<section><h2>Set-up</h2><table class="facts">${rows.join('')}</table></section>`;
}

function labelHtml(label: ReportLabel): string {
  const value = `<span class="value">${paragraphText(label.value)}</span>`;
  const detail = label.detail === null ? '' : `<div class="detail">Basis: ${escapeHtml(label.detail)}</div>`;
  const correction = label.correction === null ? '' : `<div class="correction">${escapeHtml(label.correction)}</div>`;
  const note = label.note === null ? '' : `<div class="note">Analyst's note: ${escapeHtml(label.note)}</div>`;
  const provenance = `<div class="provenance">Method: ${escapeHtml(label.provenance)}</div>`;
  return `<tr><th scope="row">${escapeHtml(label.name)}</th><td>${value}${detail}${correction}${note}${provenance}</td></tr>`;
}

function themesHtml(analysis: ReportAnalysis): string {
  if (analysis.themes.length === 0) return '<p class="muted">No themes were found.</p>';
  const themes = analysis.themes.map((theme) => {
    const quotes = theme.quotes.map((quote) => `<blockquote>${paragraphText(quote.text)} <span class="muted">(turn ${quote.seq})</span></blockquote>`);
    return `<li><strong>${escapeHtml(theme.title)}</strong> <span class="muted">(${escapeHtml(theme.reason)})</span>${quotes.join('')}</li>`;
  });
  return `<ul class="themes">${themes.join('')}</ul>`;
}

export function analysisHtml(analysis: ReportAnalysis | null): string {
  if (analysis === null) return '<section><h2>Analysis</h2><p class="muted">This interview has not been analysed.</p></section>';
  return [
    '<section><h2>Analysis</h2>',
    `<p class="muted">${escapeHtml(analysis.madeWith)}</p>`,
    `<table class="labels">${analysis.labels.map(labelHtml).join('')}${labelHtml(analysis.summary)}</table>`,
    '<h3>Themes</h3>',
    themesHtml(analysis),
    '</section>',
  ].join('');
}

function turnHtml(turn: ReportTurn): string {
  const meta = [turn.area, turn.origin, turn.sentiment === null ? null : `Sentiment: ${turn.sentiment}`].filter((part): part is string => part !== null);
  const speakerClass = turn.speaker === 'Employee' ? 'employee' : 'interviewer';
  return [
    `<div class="turn ${speakerClass}">`,
    `<div class="who">${escapeHtml(turn.speaker)}${meta.length === 0 ? '' : ` <span class="muted">· ${meta.map(escapeHtml).join(' · ')}</span>`}</div>`,
    `<p>${paragraphText(turn.text)}</p>`,
    '</div>',
  ].join('');
}

export function transcriptHtml(turns: readonly ReportTurn[]): string {
  const body = turns.length === 0 ? '<p class="muted">Nothing was said yet.</p>' : turns.map(turnHtml).join('');
  return `<section><h2>Transcript</h2>${body}</section>`;
}

/**
 * A whole self-contained page: inline styles only, and a policy that lets it run nothing and fetch
 * nothing, even if some text escaped escaping. `body` is HTML already escaped.
 */
export function htmlDocument(title: string, styles: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
