/**
 * A look at a zip's central directory before anything unpacks it: how many entries, their names,
 * and how big they say they are once unpacked. A .docx of a few pages unpacks to a few MB; a zip
 * that claims hundreds is refused before it can fill memory.
 */

export interface ZipListing {
  entries: string[];
  unpackedBytes: number;
}

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const maxComment = 0xffff;

/** The listing, or null when the bytes are not a readable zip (truncated, corrupt, or zip64, which no .docx needs). */
export function listZip(bytes: Uint8Array): ZipListing | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 22) return null;
  const earliest = Math.max(0, view.length - 22 - maxComment);
  let end = -1;
  for (let at = view.length - 22; at >= earliest; at -= 1) {
    if (view.readUInt32LE(at) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.readUInt16LE(end + 10);
  const size = view.readUInt32LE(end + 12);
  let at = view.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff || at + size > view.length) return null;
  const entries: string[] = [];
  let unpackedBytes = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== directoryEntry) return null;
    unpackedBytes += view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    if (at + 46 + nameLength > view.length) return null;
    entries.push(view.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, unpackedBytes };
}
