import PDFDocument from 'pdfkit';
import { strToU8, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../../../main/batch/files';
import { openDatabase } from '../../../../main/db/open';
import { useTempDirs } from '../../../support/temp-dir';
import type { KitDetail } from '../../../../main/interviews/kits/schema';
import { dataEngineerCv, seniorDataEngineerJd } from './fixtures';
import { useKitRig } from './rig';

const rig = useKitRig();

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

const textPdf = (text: string) => pdfOf((doc) => doc.font('Helvetica').fontSize(10).text(text.replace(/[–·]/g, '-')));
/** A page with only a drawing on it: what a scanner's PDF looks like to a text extractor. */
const scannedPdf = () => pdfOf((doc) => doc.rect(50, 50, 400, 600).fill('#dddddd'));

/** The three parts Word needs to open a .docx, made with a zip writer: one paragraph per line. */
function docxOf(text: string): Buffer {
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = text.split('\n').map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`),
    }),
  );
}

/** A zip whose directory claims each file unpacks to 2 GB: to a reader, a zip bomb. */
function bombOf(docx: Buffer): Buffer {
  const bomb = Buffer.from(docx);
  for (let at = 0; at + 4 <= bomb.length; at += 1) if (bomb.readUInt32LE(at) === 0x02014b50) bomb.writeUInt32LE(0x7fffffff, at + 24);
  return bomb;
}

const file = (fileName: string, bytes: Uint8Array | string) => ({ fileName, base64: (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('base64') });

describe('documents come as text or files', () => {
  it('reads the job description from a real PDF and the CV from a real .docx, and finds the same gaps as from the text', async () => {
    const r = rig(() => null);
    const fromText = await r.call<KitDetail>('kits.create', { cv: { text: dataEngineerCv }, jd: { text: seniorDataEngineerJd }, wait: true });
    const fromFiles = await r.call<KitDetail>('kits.create', {
      cv: file('priya-raman.docx', docxOf(dataEngineerCv)),
      jd: file('senior-data-engineer.pdf', await textPdf(seniorDataEngineerJd)),
      wait: true,
    });
    expect(fromFiles.cv).toMatchObject({ name: 'priya-raman.docx', kind: 'docx' });
    expect(fromFiles.jd).toMatchObject({ name: 'senior-data-engineer.pdf', kind: 'pdf' });
    expect(fromFiles.cv.text).toContain('Scheduled jobs with cron; started migrating two of them to Airflow DAGs in a sandbox.');
    expect(fromFiles.jd.text).toContain('Production experience with Apache Kafka for event streaming is required.');
    expect(fromFiles.gapList.map((gap) => [gap.skill, gap.priority, gap.evidence])).toEqual(fromText.gapList.map((gap) => [gap.skill, gap.priority, gap.evidence]));
    for (const gap of fromFiles.gapList) expect(fromFiles.jd.text.replace(/\s+/g, ' ')).toContain(gap.requirementQuote.replace(/\s+/g, ' '));
  });

  it('reads Markdown, UTF-16 text with its mark, and a browser data URL', async () => {
    const r = rig(() => null);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dataEngineerCv, 'utf16le')]);
    const kit = await r.call<KitDetail>('kits.create', {
      cv: file('cv.txt', utf16),
      jd: { fileName: 'jd.md', base64: `data:text/markdown;base64,${Buffer.from(seniorDataEngineerJd).toString('base64')}` },
      wait: true,
    });
    expect(kit.cv.text).toContain('Priya Raman');
    expect(kit.jd).toMatchObject({ kind: 'md' });
    expect(kit.gapList.length).toBeGreaterThan(0);
  });
});

describe('documents by path, or uploaded to /v1/files first (a browser on serve: JSON bodies stop at 1 MiB)', () => {
  const tempDir = useTempDirs();

  it('reads the CV from a path on this machine and the job description from an uploaded file, by its id', async () => {
    const dir = tempDir();
    const cvPath = join(dir, 'priya-raman.docx');
    writeFileSync(cvPath, docxOf(dataEngineerCv));
    const uploads = openDatabase(tempDir());
    try {
      const files = new FileStore(uploads, dir);
      const pdf = await textPdf(seniorDataEngineerJd);
      const stored = await files.saveUpload(Readable.from([pdf]), 'senior-data-engineer.pdf', 'user_data', 20 * 2 ** 20, Date.now());
      const r = rig(() => null, { uploaded: (fileId) => files.get(fileId) });
      const kit = await r.call<KitDetail>('kits.create', { cv: { path: cvPath }, jd: { fileId: stored.id }, wait: true });
      expect(kit.cv).toMatchObject({ name: 'priya-raman.docx', kind: 'docx' });
      expect(kit.jd).toMatchObject({ name: 'senior-data-engineer.pdf', kind: 'pdf' });
      expect(kit.gapList.length).toBeGreaterThan(0);
      await expect(r.call('kits.create', { cv: { path: join(dir, 'gone.pdf') }, jd: { fileId: stored.id } })).rejects.toMatchObject({ field: 'cv', message: /could not be found/ });
      await expect(r.call('kits.create', { cv: { path: 'relative.pdf' }, jd: { fileId: stored.id } })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(r.call('kits.create', { cv: { path: cvPath }, jd: { fileId: 'file-nope' } })).rejects.toMatchObject({ code: 'not_found', message: /file-nope/ });
    } finally {
      uploads.close();
    }
  });
});

describe('malformed and hostile uploads are refused, naming the document and the problem', () => {
  const jd = { text: seniorDataEngineerJd };
  const cv = { text: dataEngineerCv };
  const refused = async (input: { cv: unknown; jd: unknown }, expected: { code?: string; field: string; message: RegExp }) => {
    const r = rig(() => null);
    await expect(r.call('kits.create', input)).rejects.toMatchObject({ code: expected.code ?? 'invalid_input', field: expected.field, message: expect.stringMatching(expected.message) });
    expect(r.db.prepare('SELECT count(*) FROM kits').pluck().get()).toBe(0);
  };

  it('empty text and empty files', async () => {
    await refused({ cv: { text: '   \n ' }, jd }, { field: 'cv', message: /^The CV is empty: paste its text or upload the file$/ });
    await refused({ cv, jd: file('jd.pdf', Buffer.alloc(0)) }, { field: 'jd', message: /^The job description \(jd\.pdf\) is empty \(0 bytes\)$/ });
    await refused({ cv: { text: 'Python.' }, jd }, { field: 'cv', message: /too short/ });
  });

  it('a file over 10 MB', async () => {
    await refused({ cv: file('cv.txt', Buffer.alloc(11 * 2 ** 20, 'a')), jd }, { code: 'payload_too_large', field: 'cv', message: /^The CV \(cv\.txt\) is 11\.0 MB: the limit is 10\.0 MB/ });
  });

  it('files of the wrong type, whatever their name says', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    await refused({ cv: file('cv.pdf', exe), jd }, { field: 'cv', message: /^The CV \(cv\.pdf\) is not a PDF: it looks like a Windows program \(\.exe\)$/ });
    await refused({ cv: file('setup.exe', exe), jd }, { field: 'cv', message: /is a \.exe file: upload a \.pdf, \.docx, \.txt or \.md file, or paste the text/ });
    await refused({ cv: file('cv.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), jd }, { field: 'cv', message: /old Word \.doc file: save it as \.docx or PDF/ });
    await refused({ cv, jd: file('jd.docx', seniorDataEngineerJd) }, { field: 'jd', message: /^The job description \(jd\.docx\) is not a Word document: a \.docx is a zip archive, and this looks like plain text$/ });
    await refused({ cv, jd: file('jd.docx', zipSync({ 'notes.txt': strToU8('hello') })) }, { field: 'jd', message: /is a zip archive but not a Word document/ });
    await refused({ cv: file('cv.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])), jd }, { field: 'cv', message: /is not a text file: it looks like a PNG image/ });
    await refused({ cv: { fileName: 'cv.txt', base64: 'not base64 at all!' }, jd }, { field: 'cv', message: /base64 content is not valid/ });
  });

  it('a broken PDF, a PDF with no text layer, and a zip bomb posing as a .docx', async () => {
    const good = await textPdf(seniorDataEngineerJd);
    await refused({ cv, jd: file('jd.pdf', good.subarray(0, Math.floor(good.length / 2))) }, { field: 'jd', message: /^The job description \(jd\.pdf\) is a broken PDF \(.+\): save or export it again, or paste the text instead$/ });
    await refused({ cv: file('scan.pdf', await scannedPdf()), jd }, { field: 'cv', message: /^The CV \(scan\.pdf\) has no text layer \(a scanned PDF\): paste the text instead$/ });
    await refused({ cv: file('cv.docx', bombOf(docxOf(dataEngineerCv))), jd }, { field: 'cv', message: /would unpack to \d+ MB.*it was not opened/ });
  });

  it('inputs that are neither text nor a file', async () => {
    await refused({ cv: { text: dataEngineerCv, ...file('cv.txt', dataEngineerCv) }, jd }, { field: 'cv', message: /Give one of: the text, a file/ });
    await refused({ cv: { base64: 'aGVsbG8=' }, jd }, { field: 'cv', message: /needs its fileName/ });
  });
});
