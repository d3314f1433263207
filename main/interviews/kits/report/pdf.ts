import { renderPdf, toPdfText, type PdfDoc } from '../../report/pdf-document';
import type { KitDetail } from '../schema';
import { kitReportContent, type KitReportContent, type KitReportQuestion } from './content';

/**
 * A kit as a PDF, typeset from the same content as the HTML and Markdown. Built-in Helvetica,
 * Latin-1-safe text (as the exit-interview report does) and no compression, so the words can be
 * found in the file.
 */

const colours = { text: '#1d1d1f', muted: '#666666', notice: '#8a4b00' } as const;
type Doc = PdfDoc;

/** One paragraph; an indent holds for its wrapped lines too, so a rubric level reads as one block. */
function line(doc: Doc, text: string, options: { font?: string; size?: number; colour?: string; indent?: number } = {}): void {
  const left = doc.page.margins.left;
  const indent = options.indent ?? 0;
  doc
    .font(options.font ?? 'Helvetica')
    .fontSize(options.size ?? 10.5)
    .fillColor(options.colour ?? colours.text)
    .text(toPdfText(text), left + indent, doc.y, { width: doc.page.width - left - doc.page.margins.right - indent });
  doc.x = left;
}

function labelled(doc: Doc, label: string, value: string, indent = 0): void {
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor(colours.text).text(`${toPdfText(label)}: `, { continued: true, indent });
  doc.font('Helvetica').text(toPdfText(value));
}

function writeQuestion(doc: Doc, question: KitReportQuestion): void {
  doc.moveDown(0.8);
  line(doc, question.heading, { font: 'Helvetica-Bold', size: 13 });
  line(doc, `Gap: ${question.gap}`, { size: 9.5, colour: colours.muted });
  doc.moveDown(0.3);
  if (question.question === null) line(doc, 'This question has not been written yet.', { colour: colours.muted });
  else {
    line(doc, question.question, { font: 'Helvetica-Bold', size: 11.5 });
    doc.moveDown(0.2);
    for (const probe of question.probes) labelled(doc, probe.label, probe.text, 12);
    doc.moveDown(0.3);
    line(doc, 'Rating scale', { font: 'Helvetica-Bold' });
    for (const level of question.rubric) line(doc, `${level.score}  ${level.anchor}`, { size: 10, indent: 12 });
    doc.moveDown(0.3);
    line(doc, 'Signs of a strong answer', { font: 'Helvetica-Bold' });
    for (const sign of question.strongSigns) line(doc, `- ${sign}`, { size: 10, indent: 12 });
  }
  doc.moveDown(0.3);
  line(doc, question.provenance, { size: 9, colour: colours.muted });
  if (question.notice !== null) line(doc, question.notice, { size: 9, colour: colours.notice });
  labelled(doc, 'Rating', question.rating);
  line(doc, question.notes === null ? 'No notes.' : `Notes: ${question.notes}`, { size: 10, colour: question.notes === null ? colours.muted : colours.text });
}

function writeKit(doc: Doc, content: KitReportContent): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(colours.text).text(toPdfText(content.title));
  doc.moveDown(0.5);
  for (const fact of content.facts) labelled(doc, fact.label, fact.value);
  doc.moveDown(0.4);
  line(doc, content.ratingsSummary);
  for (const question of content.questions) writeQuestion(doc, question);
  doc.moveDown(1);
  line(doc, content.footer, { size: 8.5, colour: colours.muted });
}

export function renderKitPdf(kit: KitDetail, options: { generatedAt: Date }): Promise<Buffer> {
  const content = kitReportContent(kit, options);
  return renderPdf(content.title, options.generatedAt, (doc) => writeKit(doc, content));
}
