/** The shape of an event marker: shape as well as colour tells the kinds apart. */
export type MarkerShape = 'up' | 'down' | 'circle' | 'cross' | 'diamond' | 'ring';

/** A marker's glyph centred on (x, y), drawn in the current colour. */
export function glyphAt(shape: MarkerShape, x: number, y: number) {
  switch (shape) {
    case 'up':
      return <path d={`M${x - 4} ${y + 3}L${x} ${y - 4}L${x + 4} ${y + 3}Z`} fill="currentColor" />;
    case 'down':
      return <path d={`M${x - 4} ${y - 3}L${x} ${y + 4}L${x + 4} ${y - 3}Z`} fill="currentColor" />;
    case 'circle':
      return <circle cx={x} cy={y} r={3.5} fill="currentColor" />;
    case 'cross':
      return <path d={`M${x - 3.5} ${y - 3.5}L${x + 3.5} ${y + 3.5}M${x + 3.5} ${y - 3.5}L${x - 3.5} ${y + 3.5}`} stroke="currentColor" strokeWidth={2} strokeLinecap="round" />;
    case 'diamond':
      return <path d={`M${x} ${y - 4.5}L${x + 4.5} ${y}L${x} ${y + 4.5}L${x - 4.5} ${y}Z`} fill="currentColor" />;
    case 'ring':
      return <circle cx={x} cy={y} r={3.25} fill="var(--surface)" stroke="currentColor" strokeWidth={1.5} />;
  }
}

/** The glyph on its own, for legends and lists; decorative beside its words. */
export function MarkerGlyph({ shape, tone }: { shape: MarkerShape; tone: string }) {
  return (
    <svg className="marker-glyph" data-tone={tone} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {glyphAt(shape, 6, 6)}
    </svg>
  );
}
