// The one gate stored HTML passes on save: only the tags and attributes a story needs.
import type sanitizeHtml from 'sanitize-html';
import { loadOnFirstUse } from '../load-on-first-use.ts';
import { canonicalUrl, findEmbed } from './embeds.ts';

// With its HTML parser and CSS parser, a third of a megabyte that only saving a story needs.
const sanitizer = loadOnFirstUse<typeof sanitizeHtml>('sanitize-html');

/** The figures a story may hold: a photo, an audio clip, an embedded post (embeds.ts). */
const FIGURE_CLASSES = ['story-image', 'story-audio', 'story-embed'];
/** A stored medium's path: segments of plain characters under /media/, never "..", "//" or a scheme. */
const MEDIA_PATH = /^\/media\/[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;
/** An image's size in pixels, or a media row's id: digits, no sign, unit or leading zero. */
const PIXELS = /^[1-9]\d{0,4}$/;
const MEDIA_ID = /^[1-9]\d{0,15}$/;

const isMediaPath = (src: string | undefined): src is string => !!src && MEDIA_PATH.test(src) && !src.includes('..');

/** An audio clip's address: one of our media, or an https URL (a station's stream or podcast). */
function isAudioSource(src: string | undefined): src is string {
  if (isMediaPath(src)) return true;
  if (!src || !/^https:\/\/[^\s\\]+$/.test(src)) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The attributes every tag may keep (`'*'` below), copied after a tag's own. */
function addLanguage(from: sanitizeHtml.Attributes, to: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  if (from.lang !== undefined) to.lang = from.lang;
  if (from.dir !== undefined) to.dir = from.dir;
  return to;
}

/**
 * The link an embed figure opens with, when its URL is the embed's: it is the figure's fallback
 * and is kept as the editor wrote it. Set by the figure, cleared by the next tag but a link;
 * sanitising is synchronous, so one variable serves every call.
 */
let embedLink: string | undefined;

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
    'img',
    'audio',
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
    img: ['src', 'alt', 'width', 'height', 'data-media-id'],
    audio: ['controls', 'preload', 'src'],
    figure: ['class', 'data-provider', 'data-embed-url'],
    small: ['class'],
    '*': ['lang', 'dir'],
  },
  allowedClasses: { figure: FIGURE_CLASSES, small: ['credit'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Void elements, written without a closing tag (their " />" becomes ">" below).
  selfClosing: ['img', 'br', 'hr'],
  onOpenTag: (name) => {
    if (name !== 'a') embedLink = undefined;
  },
  transformTags: {
    a: (tagName, attribs) => {
      const isEmbedLink = embedLink !== undefined && attribs.href === embedLink;
      embedLink = undefined;
      // Links to other sites must not get a handle on our window.
      return {
        tagName,
        attribs:
          !isEmbedLink && /^\s*https?:\/\//i.test(attribs.href ?? '')
            ? { ...attribs, rel: 'noopener noreferrer' }
            : attribs,
      };
    },
    // Only our own media: an image from elsewhere would tell another site who reads the story.
    img: (tagName, attribs) => {
      if (!isMediaPath(attribs.src)) return { tagName, attribs: {} };
      const kept: sanitizeHtml.Attributes = { src: attribs.src };
      if (attribs.alt !== undefined) kept.alt = attribs.alt;
      for (const name of ['width', 'height'] as const)
        if (PIXELS.test(attribs[name] ?? '')) kept[name] = attribs[name]!;
      if (MEDIA_ID.test(attribs['data-media-id'] ?? '')) kept['data-media-id'] = attribs['data-media-id']!;
      return { tagName, attribs: addLanguage(attribs, kept) };
    },
    // Always with controls, and nothing fetched before the reader presses play.
    audio: (tagName, attribs) => {
      if (!isAudioSource(attribs.src)) return { tagName, attribs: {} };
      const preload = attribs.preload === 'metadata' && isMediaPath(attribs.src) ? 'metadata' : 'none';
      return { tagName, attribs: addLanguage(attribs, { controls: '', preload, src: attribs.src }) };
    },
    figure: (tagName, attribs) => {
      const kind = FIGURE_CLASSES.find((c) => c === attribs.class?.trim());
      const kept: sanitizeHtml.Attributes = {};
      if (kind === 'story-embed') {
        const provider = attribs['data-provider'];
        const url = canonicalUrl(attribs['data-embed-url']);
        // Stored as checked. A URL that is no provider's post leaves a plain figure: its link
        // and caption stay.
        if (url && findEmbed(provider, url)) {
          Object.assign(kept, { class: kind, 'data-provider': provider, 'data-embed-url': url });
          embedLink = url;
        }
      } else if (kind) kept.class = kind;
      return { tagName, attribs: addLanguage(attribs, kept) };
    },
  },
  // An image or audio clip left without an address is no use to anyone: dropped whole.
  exclusiveFilter: (frame) => (frame.tag === 'img' || frame.tag === 'audio') && !frame.attribs.src,
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
  embedLink = undefined;
  // HTML, not XHTML: <img …> and <br>, as the editor writes them. " />" can only end a tag here:
  // the sanitiser writes ">" in text and attribute values as "&gt;".
  return sanitizer()(html, options).replaceAll(' />', '>');
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
