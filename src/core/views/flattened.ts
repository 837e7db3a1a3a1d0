// Rendered HTML that many pages reuse (the header, a box from memory) is kept flat.

/**
 * The same HTML, flattened: V8 keeps a string built by concatenation as a tree of pieces, and
 * each page that contains the tree copies it piece by piece when it is sent. A part reused by
 * many pages is flattened once, here (reading its whole length does it, in place).
 */
export function flattened(html: string): string {
  Buffer.byteLength(html);
  return html;
}
