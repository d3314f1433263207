import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../main/interviews/report/file-name';
import { renderInterviewHtml } from '../../../main/interviews/report/html';
import { renderInterviewPdf } from '../../../main/interviews/report/pdf';
import { toPdfText } from '../../../main/interviews/report/pdf-document';
import { reportFileSchema, type InterviewDetail, type Turn } from '../../../main/interviews/schema';
import { distinctiveAnswerWord, interviewDetail } from './report-fixture';

const generatedAt = new Date('2026-12-02T08:00:00Z');
const named = interviewDetail();
const anonymous = interviewDetail({}, { anonymous: true, employeeName: 'Jane Doe', employeeRef: 'EMP-1042' });

/**
 * The text a PDF shows. Uncompressed pdfkit writes each run of text as `[<hex> kern <hex> …] TJ`,
 * one byte per character in WinAnsi; a kerning number may split a word, so a run's pieces are joined.
 */
function pdfText(pdf: Buffer): string {
  const runs = [...pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)];
  return runs.map(([, run]) => [...(run ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => Buffer.from(hex ?? '', 'hex').toString('latin1')).join('')).join('\n');
}

const htmlFile = (detail: InterviewDetail) =>
  reportFileSchema.parse({ fileName: reportFileName(detail, 'html'), mime: 'text/html', encoding: 'utf8', content: renderInterviewHtml(detail, { generatedAt, guideTitle: 'Exit guide' }) });

const pdfFile = async (detail: InterviewDetail) => {
  const pdf = await renderInterviewPdf(detail, { generatedAt });
  reportFileSchema.parse({ fileName: reportFileName(detail, 'pdf'), mime: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') });
  return pdf;
};

describe('renderInterviewHtml', () => {
  const html = htmlFile(named).content;

  it('is a self-contained HTML5 document with no scripts and nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/|src=/i);
    expect(html).toContain('<title>Exit interview: Jane Doe</title>');
  });

  it('escapes every piece of text from the data', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;gotcha&quot;)&lt;/script&gt; &amp; the &quot;roadmap&quot; wasn&#39;t mine');
    expect(html).toContain('R&amp;D &quot;Platform&quot;');
    expect(html).toContain('Sam O&#39;Neil');
  });

  it('shows the set-up facts', () => {
    for (const fact of ['Senior engineer', '3 years 4 months', 'Voluntary', '2026-12-15', 'completed', 'EMP-1042', '2026-11-30 10:30 UTC', 'Exit guide, version 4']) {
      expect(html).toContain(fact);
    }
  });

  it('shows a corrected label with the suggestion and the method that made it', () => {
    expect(html).toMatch(/Primary reason<\/th><td><span class="value">Manager<\/span>/);
    expect(html).toContain('Corrected by the analyst on 2026-12-01 09:15 UTC; suggested: Career growth');
    expect(html).toContain('Method: model llama3.1:8b, template exit-analysis v3');
    expect(html).toContain('Method: lexicon fallback');
    expect(html).toContain('Basis: Strong reviews and a voluntary exit.');
    expect(html).toContain('No path to lead');
  });

  it('tells who wrote each interviewer turn, and each answer its sentiment', () => {
    expect(html).toContain('Asked by the model llama3.1:8b');
    expect(html).toContain('From the scripted guide');
    expect(html).toContain('Sentiment: negative (-0.60)');
    expect(html).toContain('Sentiment: negative (-0.80), corrected by the analyst (suggested: neutral (+0.00))');
  });

  it('never names an anonymous employee, even when a name was typed at set-up', () => {
    const file = htmlFile(anonymous);
    expect(file.content).toContain('<h1>Exit interview: Anonymous</h1>');
    expect(file.content).not.toMatch(/Jane|Doe|EMP-1042/);
    expect(file.fileName).toBe('exit-interview-2026-11-30-anonymous-c0ffee12.html');
  });

  it('says when there is no analysis yet', () => {
    const html = renderInterviewHtml(interviewDetail({ analysis: null, analysed: false }), { generatedAt });
    expect(html).toContain('This interview has not been analysed.');
    expect(html).not.toContain('Sentiment:');
  });
});

describe('renderInterviewPdf', () => {
  it('is a whole PDF holding the title, the facts and the answers', async () => {
    const pdf = await pdfFile(named);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain(distinctiveAnswerWord);
    expect(text).toContain('<script>alert("gotcha")</script>');
    expect(text).toContain('Exit interview: Jane Doe');
    expect(text).toContain('Career growth');
    expect(pdf.toString('latin1')).toContain('(Exit interview: Jane Doe)');
    expect(pdf.toString('latin1')).toContain('(D:20261202080000Z)');
  });

  it('gives the same bytes for the same interview and time', async () => {
    expect((await pdfFile(named)).equals(await pdfFile(named))).toBe(true);
  });

  it('never names an anonymous employee', async () => {
    const pdf = await pdfFile(anonymous);
    expect(pdfText(pdf)).toContain('Exit interview: Anonymous');
    expect(pdfText(pdf)).not.toMatch(/Jane|Doe|EMP-1042/);
    expect(pdf.toString('latin1')).not.toMatch(/Jane|Doe|EMP-1042/);
  });

  it('writes emoji and Chinese as "?" and breaks long transcripts across pages', async () => {
    const base = interviewDetail();
    const extra: Turn[] = Array.from({ length: 60 }, (_, index) => ({
      ...(base.turns[2] as Turn),
      seq: 100 + index,
      text: `Answer ${index}: 我们的团队很好 😀👍🏽 — “fine” … naïve Łódź ${distinctiveAnswerWord}`,
    }));
    const pdf = await pdfFile({ ...base, turns: [...base.turns, ...extra] });
    const text = pdfText(pdf);
    expect(text).toContain('Answer 59: ??????? ??? - "fine" ... naïve Lódz Zanzibar');
    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBeGreaterThan(1);
  });
});

describe('toPdfText', () => {
  it('keeps Latin-1, folds typography to ASCII and replaces the rest', () => {
    expect(toPdfText('Café – “ok” €5\tnow\r\nthen')).toBe('Café - "ok" EUR5 now\nthen');
    expect(toPdfText('Crème brûlée, Dvořák, Łódź, 中文, 🙂')).toBe('Crème brûlée, Dvorák, Lódz, ??, ?');
  });
});

describe('reportFileName', () => {
  it('names the file by the day and the employee', () => {
    expect(reportFileName(named, 'html')).toBe('exit-interview-2026-11-30-jane-doe.html');
    const accented = interviewDetail({ endedAt: null }, { employeeName: '  Zoë O’Brien-Smith / "QA" ' });
    expect(reportFileName(accented, '.PDF')).toBe('exit-interview-2026-11-29-zoe-o-brien-smith-qa.pdf');
  });

  it('uses the start of the id when anonymous or unnamed', () => {
    expect(reportFileName(anonymous, 'pdf')).toBe('exit-interview-2026-11-30-anonymous-c0ffee12.pdf');
    expect(reportFileName(interviewDetail({}, { employeeName: '中文' }), 'pdf')).toBe('exit-interview-2026-11-30-anonymous-c0ffee12.pdf');
  });
});
