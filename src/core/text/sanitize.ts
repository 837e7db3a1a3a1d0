// The one gate stored HTML passes on save: only the tags and attributes a story needs.
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'figure',
    'figcaption',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'a',
    'br',
    'hr',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'abbr',
    'cite',
    'q',
    'small',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang', 'rel'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: {
    // Links to other sites must not get a handle on our window.
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:\/\//.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

/** Text with no tag in it, whose only character references are &amp; &lt; and &gt;. */
const PLAIN_TEXT = '(?:[^<>&]|&(?:amp|lt|gt);)*';
/**
 * Paragraphs, second-level headings and lists of items, one after another (newlines or spaces
 * between them), without attributes or anything nested, holding plain text: what
 * paragraphsToHtml writes. It is safe as it stands (no attribute, no other tag, no "<" in the
 * text) and the sanitiser gives it back unchanged (text.test.ts checks), so it is kept without
 * parsing it, which is most of the cost of saving such a story.
 */
const PLAIN_BODY = new RegExp(
  `^(?:[ \\n]*(?:<p>${PLAIN_TEXT}</p>|<h2>${PLAIN_TEXT}</h2>|<ul>(?:<li>${PLAIN_TEXT}</li>)+</ul>))*[ \\n]*$`,
);

/** Cleans rich text from an editor or an import before it is stored. */
export function sanitizeBody(html: string): string {
  return PLAIN_BODY.test(html) ? html : parsedSanitizeBody(html);
}

/** sanitizeBody of any HTML by the parser (the reference what PLAIN_BODY keeps must agree with). */
export function parsedSanitizeBody(html: string): string {
  return sanitizeHtml(html, options);
}

/**
 * Turns plain-text paragraphs into safe HTML (demo content, imports): every character of the
 * text escaped, in tags the sanitiser keeps as they are, so its output is what sanitizeBody would
 * make of it (text.test.ts checks). Not sanitised again here: the command that stores it does.
 */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((li) => `<li>${escape(li)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const p of paragraphs) {
    if (p.startsWith('- ')) {
      list.push(p.slice(2));
      continue;
    }
    flush();
    out.push(p.startsWith('## ') ? `<h2>${escape(p.slice(3))}</h2>` : `<p>${escape(p)}</p>`);
  }
  flush();
  return out.join('\n');
}
