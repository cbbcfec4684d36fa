/**
 * Decides whether to re-open the completion list after an edit, as PandocCiter does:
 * when a single deletion leaves `@` (or `[@`) right before the cursor, the user is
 * back at the start of a citation key and wants the key list again.
 * Pure module: no `vscode` import.
 */

export interface SimpleChange {
  /** Length of the replaced range. */
  rangeLength: number;
  /** Inserted text. */
  text: string;
}

/**
 * @param changes the content changes of one didChangeTextDocument event
 * @param lineBeforeCursor the text of the changed line up to the change's start, after the edit
 */
export function shouldRetriggerSuggest(changes: readonly SimpleChange[], lineBeforeCursor: string): boolean {
  if (changes.length !== 1) {
    return false;
  }
  const [change] = changes;
  if (change.text !== '' || change.rangeLength !== 1) {
    return false;
  }
  // `@` at the start, after whitespace, `[`, `;`, `(` or `-` (not inside an e-mail address).
  return /(^|[\s\[;(-])@$/.test(lineBeforeCursor);
}
