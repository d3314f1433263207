import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../../../main/interviews/schema';
import type { KitDetail } from '../../../../main/interviews/kits/schema';
import { pdfText } from '../../../../main/interviews/kits/documents/parsers';
import { escapeMarkdown } from '../../../../main/interviews/kits/report/markdown';
import { startOllamaStandin, type OllamaStandin } from '../../../support/ollama/index';
import { dataEngineerCv, seniorDataEngineerJd } from './fixtures';
import { useKitRig, type KitRig } from './rig';

const rig = useKitRig();
const standins: OllamaStandin[] = [];
afterEach(async () => {
  for (const standin of standins.splice(0)) await standin.close();
});

const hostile = '<script>alert("x")</script> & [click](http://evil.example) **bold**';

async function ratedKit(r: KitRig): Promise<KitDetail> {
  const kit = await r.call<KitDetail>('kits.create', { title: `Senior Data Engineer ${hostile}`, cv: { text: dataEngineerCv }, jd: { text: seniorDataEngineerJd }, wait: true });
  await r.call('kits.rate', { id: kit.id, seq: 1, rating: 2, notes: `Only batch work.\n${hostile}`, by: 'Sam Lee' });
  return r.call<KitDetail>('kits.get', { id: kit.id });
}

describe('a kit exported with its ratings', () => {
  it('as HTML, with every text from the data escaped', async () => {
    const r = rig(() => null, { now: () => Date.parse('2026-06-01T08:00:00Z') });
    const kit = await ratedKit(r);
    const html = await r.call<ReportFile>('kits.export', { id: kit.id, format: 'html' });
    expect(html).toMatchObject({ mime: 'text/html;charset=utf-8', encoding: 'utf8', fileName: 'interview-kit-2026-06-01-senior-data-engineer-script-alert-x-script-click-http-evil.html' });
    expect(html.content).not.toContain('<script>');
    expect(html.content).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; [click]');
    expect(html.content).toContain(kit.questions[0]?.content?.question.replace(/'/g, '&#39;'));
    expect(html.content).toContain('2 / 5 by Sam Lee, 2026-06-01 08:00 UTC');
    expect(html.content).toContain('1 of');
  });

  it('as Markdown, where a CV or a note cannot become HTML, a link or formatting', async () => {
    const r = rig(() => null);
    const kit = await ratedKit(r);
    const markdown = await r.call<ReportFile>('kits.export', { id: kit.id, format: 'markdown' });
    expect(markdown).toMatchObject({ mime: 'text/markdown;charset=utf-8', encoding: 'utf8' });
    expect(markdown.fileName).toMatch(/\.md$/);
    expect(markdown.content).not.toContain('<script>');
    expect(markdown.content).toContain('&lt;script&gt;');
    expect(markdown.content).toContain('\\[click\\](http://evil.example) \\*\\*bold\\*\\*');
    expect(markdown.content).toContain('| 5 |');
    expect(escapeMarkdown('# not a heading\n- not a list')).toBe('\\# not a heading  \n\\- not a list');
  });

  it('as a PDF holding the questions written by the model', async () => {
    const engine = await startOllamaStandin({ port: 0, numParallel: 4 });
    standins.push(engine);
    const r = rig(() => engine.url);
    await r.call('kits.setConfig', { threshold: 0 });
    const kit = await ratedKit(r);
    const pdf = await r.call<ReportFile>('kits.export', { id: kit.id, format: 'pdf' });
    expect(pdf).toMatchObject({ mime: 'application/pdf', encoding: 'base64' });
    const bytes = Buffer.from(pdf.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(kit.questions[0]?.source).toBe('llm');
    // Read back with the same PDF reader the kits use for uploads.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const question of kit.questions) expect(text).toContain(question.content?.question);
    expect(text).toContain('Rating: 2 / 5 by Sam Lee');
    expect(text).toContain('Only batch work.');
  });
});
