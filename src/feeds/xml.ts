// A very small XML writer for feeds and sitemaps: elements as plain objects, every text and
// attribute escaped on output, and characters XML forbids dropped, so the result is always well-formed.

/** An element: name, attributes (undefined ones are left out) and children (text or elements). */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number | undefined>>;
  readonly children?: readonly XmlChild[];
  /** Written on one line, children and all (as an element holding only text always is). */
  readonly isInline?: boolean;
}

/** A child: an element, text, or nothing (null/undefined/false are skipped, for conditional parts). */
export type XmlChild = XmlElement | string | null | undefined | false;

/** Builds an element; `children` may be text, elements or skipped values. */
export function el(
  name: string,
  attrs?: XmlElement['attrs'] | null,
  ...children: readonly (XmlChild | readonly XmlChild[])[]
): XmlElement {
  return { name, attrs: attrs ?? undefined, children: children.flat() };
}

// Control characters, lone surrogates and U+FFFE/U+FFFF are not allowed anywhere in XML 1.0;
// matching control characters is the point here.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function openTag(node: XmlElement): string {
  let open = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== undefined) open += ` ${key}="${escapeXml(String(value))}"`;
  }
  return open;
}

function presentChildren(node: XmlElement): (XmlElement | string)[] {
  return (node.children ?? []).filter((c): c is XmlElement | string => c !== null && c !== undefined && c !== false);
}

/** An element and its children on one line. */
function renderInline(node: XmlElement): string {
  const children = presentChildren(node);
  if (children.length === 0) return `${openTag(node)}/>`;
  const content = children.map((c) => (typeof c === 'string' ? escapeXml(c) : renderInline(c))).join('');
  return `${openTag(node)}>${content}</${node.name}>`;
}

function render(node: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const children = presentChildren(node);
  if (node.isInline || children.every((c) => typeof c === 'string')) {
    out.push(`${pad}${renderInline(node)}`);
  } else {
    out.push(`${pad}${openTag(node)}>`);
    for (const child of children) {
      if (typeof child === 'string') out.push(`${pad}  ${escapeXml(child)}`);
      else render(child, depth + 1, out);
    }
    out.push(`${pad}</${node.name}>`);
  }
}

/** A complete XML document, UTF-8, indented by two spaces. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return out.join('\n') + '\n';
}
