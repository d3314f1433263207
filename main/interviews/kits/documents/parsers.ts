import { listZip } from './zip-guard';

/**
 * The two parsers, wrapped so that what goes wrong comes back as a reason a person can act on.
 * PDF: unpdf (PDF.js, run with no code evaluation); .docx: mammoth's raw text. Both are loaded
 * on first use, so starting the app or the command line does not pay for them.
 */

export class UnreadableDocument extends Error {}

export const maxPdfPages = 100;
/** A few pages of Word unpack to a few MB; this is far above that and far below trouble. */
export const maxUnpackedBytes = 64 * 1024 * 1024;

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: PDF.js takes ownership of the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, useSystemFonts: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new UnreadableDocument('is a password-protected PDF: remove the password, or paste the text instead');
    throw new UnreadableDocument(`is a broken PDF (${error instanceof Error ? error.message : String(error)}): save or export it again, or paste the text instead`);
  }
  try {
    if (pdf.numPages > maxPdfPages) throw new UnreadableDocument(`has ${pdf.numPages} pages, more than the ${maxPdfPages} read: paste the relevant text instead`);
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n\n');
  } catch (error) {
    if (error instanceof UnreadableDocument) throw error;
    throw new UnreadableDocument(`is a broken PDF (${error instanceof Error ? error.message : String(error)}): save or export it again, or paste the text instead`);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  const listing = listZip(bytes);
  if (listing === null) throw new UnreadableDocument('is a damaged .docx (its zip directory cannot be read): save it again, or paste the text instead');
  if (!listing.entries.includes('word/document.xml')) throw new UnreadableDocument('is a zip archive but not a Word document (it has no word/document.xml)');
  if (listing.unpackedBytes > maxUnpackedBytes) {
    throw new UnreadableDocument(`would unpack to ${Math.round(listing.unpackedBytes / 2 ** 20)} MB, far more than a CV or job description ever does: it was not opened`);
  }
  try {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    throw new UnreadableDocument(`is a damaged .docx (${error instanceof Error ? error.message : String(error)}): save it again, or paste the text instead`);
  }
}
