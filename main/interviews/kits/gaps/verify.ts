/**
 * Quotes are shown to the analyst as the documents' own words, so each one is checked to appear
 * in the document's text, as the exit analysis checks its quotes against the transcript. Models
 * paraphrase, drop a bullet or change a dash: those differences are forgiven, nothing else is.
 */

const minQuoteChars = 4;

export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”"‘’'`]/g, '')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[•·▪●◦‣]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The quote, trimmed of the ellipses and quotation marks models put around it, when the document holds it; null otherwise. */
export function verifiedQuote(quote: string | null | undefined, document: string): string | null {
  if (quote === null || quote === undefined) return null;
  const trimmed = quote.trim().replace(/^(\.\.\.|…)\s*|\s*(\.\.\.|…)$/g, '').replace(/^["“”']+|["“”']+$/g, '').trim();
  const wanted = normaliseForQuote(trimmed);
  if (wanted.length < minQuoteChars) return null;
  return normaliseForQuote(document).includes(wanted) ? trimmed : null;
}
