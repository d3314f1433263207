import type { KitDetail } from '../schema';
import { kitReportContent, type KitReportQuestion } from './content';

/**
 * A kit as Markdown, for pasting into notes or a wiki. Text from the data is escaped so that a
 * stray asterisk, bracket or angle bracket in a CV cannot turn into formatting, a link or HTML.
 */

export const escapeMarkdown = (value: string): string =>
  value
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // What would start a heading, a list or a quote at the start of a line.
    .replace(/^(\s*)([#+-]|\d+\.)/gm, (_, space: string, mark: string) => `${space}${mark.replace(/([#+.-])/, '\\$1')}`)
    .replace(/\r?\n/g, '  \n');

function questionMarkdown(question: KitReportQuestion): string[] {
  const lines = [`## ${escapeMarkdown(question.heading)}`, '', `*Gap:* ${escapeMarkdown(question.gap)}`, ''];
  if (question.question === null) lines.push('*This question has not been written yet.*', '');
  else {
    lines.push(`**${escapeMarkdown(question.question)}**`, '');
    for (const probe of question.probes) lines.push(`- *${escapeMarkdown(probe.label)}:* ${escapeMarkdown(probe.text)}`);
    lines.push('', '**Rating scale**', '', '| Rating | What the answer shows |', '| --- | --- |');
    for (const level of question.rubric) lines.push(`| ${level.score} | ${escapeMarkdown(level.anchor)} |`);
    lines.push('', '**Signs of a strong answer**', '');
    for (const sign of question.strongSigns) lines.push(`- ${escapeMarkdown(sign)}`);
    lines.push('');
  }
  lines.push(`*${escapeMarkdown(question.provenance)}*`, '');
  if (question.notice !== null) lines.push(`> ${escapeMarkdown(question.notice)}`, '');
  lines.push(`**Rating:** ${escapeMarkdown(question.rating)}`, '');
  lines.push(question.notes === null ? '*No notes.*' : `**Notes:** ${escapeMarkdown(question.notes)}`, '');
  return lines;
}

export function renderKitMarkdown(kit: KitDetail, options: { generatedAt: Date }): string {
  const content = kitReportContent(kit, options);
  return [
    `# ${escapeMarkdown(content.title)}`,
    '',
    ...content.facts.map((fact) => `- **${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value)}`),
    '',
    escapeMarkdown(content.ratingsSummary),
    '',
    ...content.questions.flatMap(questionMarkdown),
    '---',
    '',
    `*${escapeMarkdown(content.footer)}*`,
    '',
  ].join('\n');
}
