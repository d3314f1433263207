/** The text of a file the analyst chose; the core is sent the text, never a path from the browser. */
export async function readChosenFile(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (file === undefined) return null;
  return { name: file.name, text: await file.text() };
}
