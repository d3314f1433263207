/**
 * Ids within one file. Requests: `custom_id` must be unique, the first occurrence stays.
 * Candidates: the profile's own id when it is unique in the file, else `row-<line>` (made unique
 * too, should a profile's own id already be "row-12").
 */
export class CustomIds {
  private readonly firstLine = new Map<string, number>();

  /** The line that already used `id`, or undefined after claiming it for `line`. */
  claim(id: string, line: number): number | undefined {
    const earlier = this.firstLine.get(id);
    if (earlier !== undefined) return earlier;
    this.firstLine.set(id, line);
    return undefined;
  }

  /** A candidate's id: its own if free, else one derived from its line; says which happened. */
  forCandidate(sourceId: string | null, line: number): { customId: string; duplicateOf?: number } {
    if (sourceId !== null) {
      const earlier = this.claim(sourceId, line);
      if (earlier === undefined) return { customId: sourceId };
      return { customId: this.fromLine(line), duplicateOf: earlier };
    }
    return { customId: this.fromLine(line) };
  }

  private fromLine(line: number): string {
    let id = `row-${line}`;
    for (let suffix = 2; this.claim(id, line) !== undefined; suffix += 1) id = `row-${line}-${suffix}`;
    return id;
  }
}
