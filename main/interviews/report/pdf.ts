import { renderPdf, toPdfText, type PdfDoc } from './pdf-document';
import type { InterviewDetail } from '../schema';
import { reportContentOf, type ReportAnalysis, type ReportContent, type ReportLabel, type ReportTurn } from './content';

/** One exit interview as a PDF, typeset from the same content as the HTML report. */

const colours = { text: '#1d1d1f', muted: '#666666', correction: '#8a4b00' } as const;
type Doc = PdfDoc;

function heading(doc: Doc, text: string, size = 14): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).fillColor(colours.text).text(toPdfText(text));
  doc.moveDown(0.3);
}

function line(doc: Doc, text: string, options: { font?: string; size?: number; colour?: string; indent?: number } = {}): void {
  doc
    .font(options.font ?? 'Helvetica')
    .fontSize(options.size ?? 10.5)
    .fillColor(options.colour ?? colours.text)
    .text(toPdfText(text), { indent: options.indent ?? 0 });
}

function labelledLine(doc: Doc, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(colours.text).text(`${toPdfText(label)}: `, { continued: true });
  doc.font('Helvetica').text(toPdfText(value));
}

function writeLabel(doc: Doc, label: ReportLabel): void {
  labelledLine(doc, label.name, label.value);
  if (label.detail !== null) line(doc, `Basis: ${label.detail}`, { size: 9.5, indent: 12 });
  if (label.correction !== null) line(doc, label.correction, { size: 9.5, colour: colours.correction, indent: 12 });
  if (label.note !== null) line(doc, `Analyst's note: ${label.note}`, { size: 9.5, indent: 12 });
  line(doc, `Method: ${label.provenance}`, { size: 9, colour: colours.muted, indent: 12 });
  doc.moveDown(0.3);
}

function writeAnalysis(doc: Doc, analysis: ReportAnalysis | null): void {
  heading(doc, 'Analysis');
  if (analysis === null) return line(doc, 'This interview has not been analysed.', { colour: colours.muted });
  line(doc, analysis.madeWith, { size: 9.5, colour: colours.muted });
  doc.moveDown(0.4);
  for (const label of [...analysis.labels, analysis.summary]) writeLabel(doc, label);
  heading(doc, 'Themes', 12);
  if (analysis.themes.length === 0) line(doc, 'No themes were found.', { colour: colours.muted });
  for (const theme of analysis.themes) {
    line(doc, `${theme.title} (${theme.reason})`, { font: 'Helvetica-Bold' });
    for (const quote of theme.quotes) line(doc, `"${quote.text}" (turn ${quote.seq})`, { font: 'Helvetica-Oblique', size: 10, indent: 12 });
    doc.moveDown(0.3);
  }
}

function writeTurn(doc: Doc, turn: ReportTurn): void {
  const meta = [turn.area, turn.origin, turn.sentiment === null ? null : `Sentiment: ${turn.sentiment}`].filter((part): part is string => part !== null);
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(colours.text).text(turn.speaker, { continued: meta.length > 0 });
  if (meta.length > 0) doc.font('Helvetica').fontSize(9).fillColor(colours.muted).text(toPdfText(`  ${meta.join(' · ')}`));
  line(doc, turn.text, { indent: turn.speaker === 'Employee' ? 12 : 0 });
  doc.moveDown(0.5);
}

function writeReport(doc: Doc, content: ReportContent): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(colours.text).text(toPdfText(content.title));
  heading(doc, 'Set-up');
  for (const fact of content.facts) labelledLine(doc, fact.label, fact.value);
  writeAnalysis(doc, content.analysis);
  heading(doc, 'Transcript');
  if (content.transcript.length === 0) line(doc, 'Nothing was said yet.', { colour: colours.muted });
  for (const turn of content.transcript) writeTurn(doc, turn);
  doc.moveDown(1);
  line(doc, content.footer, { size: 8.5, colour: colours.muted });
}

export function renderInterviewPdf(detail: InterviewDetail, options: { generatedAt: Date }): Promise<Buffer> {
  const content = reportContentOf(detail, options);
  return renderPdf(content.title, options.generatedAt, (doc) => writeReport(doc, content));
}
