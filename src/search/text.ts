// Words for the search index, in every edition's script: one normaliser and one word splitter
// shared by indexing, querying and highlighting, so all three agree on a word. Intl.Segmenter
// splits scripts written without spaces; text in scripts with spaces takes a plain regex split
// that gives the same words at a fraction of the cost (see wordsOf).
//
// Chinese and Japanese are indexed by characters, not by the segmenter's words: each run of Han,
// kana and their marks as every single character and every two characters in a row. The
// segmenter's dictionary splits a headline by its context ("香港口岸" as 香港 | 口岸), so a word
// of the query may straddle two of the text's words; as characters in a row it is always found.
// A query is split into words by the segmenter first (so "地震発生" finds "地震が発生": both
// words, not the run), and each CJK word becomes its pairs of characters (one character alone
// stays one); highlighting marks where each such word stands in the text, character by character.
import { escapeHtml } from '@kitajs/html';
import type sanitizeHtml from 'sanitize-html';
import { loadOnFirstUse } from '../core/load-on-first-use.ts';

/** The HTML parser for bodies plainBodyText cannot read: only indexing needs it. */
const sanitizer = loadOnFirstUse<typeof sanitizeHtml>('sanitize-html');

/** Longest query we read, in characters; the rest of a pasted essay is ignored. */
export const MAX_QUERY_CHARS = 200;
/** Most words a query is made of (all must match). */
export const MAX_TERMS = 12;
/** Longer words are cut (the same way in the index and the query, so they still match). */
const MAX_WORD_CHARS = 64;

// ICU's word rules and its Chinese/Japanese dictionary are the same for every locale; a fixed
// locale keeps the index and the queries in step whatever the machine's own locale is.
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

// Removed after decomposition: Latin accents, Arabic tashkeel, superscript alef, Quranic marks,
// tatweel, and the hamza/madda marks (so أ إ آ become ا, as Arabic readers type them).
const FOLDED_MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]|\u0640/g;
// The article "al-" after an optional wa- ("and") and bi-/ka-/fa-, or the contracted li-l-.
const ARABIC_ARTICLE = /^(?:و?[بكف]?ال|و?لل)(?=\p{L}{2})/u;
const NOT_WORD_CHAR = /[^\p{L}\p{M}\p{N}]+/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const ASCII = /^[\t\n\r\x20-\x7e]*$/;

// Letters that Unicode does not decompose but readers type as two: "strasse" for "straße",
// "oeuvre" for "œuvre", "aere" for "ære".
const TWO_LETTER_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', œ: 'oe', æ: 'ae' };
// Regular expressions spell letters beyond ASCII as escapes (here ß, œ, æ): esbuild leaves a
// regex literal as written, and one such letter makes V8 keep the whole bundle's source at two
// bytes a character (see bin/server-bundle.js).
const TWO_LETTER_FOLDED = /[\u00DF\u0153\u00E6]/g;

/**
 * Lower case, compatibility forms (full-width, ligatures), no accents, tashkeel or tatweel, ASCII
 * digits, ß œ æ as two letters.
 */
export function foldText(text: string): string {
  // Printable ASCII has nothing to decompose, fold or convert but its case.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(FOLDED_MARKS, '')
    .normalize('NFKC')
    .replace(TWO_LETTER_FOLDED, (c) => TWO_LETTER_FOLDS[c]!)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

// Han (with 々 and 〆), hiragana, katakana and the long-vowel mark ー: the characters indexed one
// and two at a time. Hangul is written with spaces and keeps the segmenter's words.
const CJK_CHARS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3005\u3006\u30fc`;
const CJK_RUN = new RegExp(`[${CJK_CHARS}]+`, 'gu');
const HAS_CJK = new RegExp(`[${CJK_CHARS}]`, 'u');
const CJK_RUN_SPLIT = new RegExp(`([${CJK_CHARS}]+)`, 'u');

/** Every character of a CJK run, then every two characters in a row: the run's words in the index. */
function charGrams(run: string): string[] {
  const chars = Array.from(run);
  const grams = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** The index words of a CJK word of a query: its pairs of characters, or the one character it is. */
function queryGrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** The index form of one word-like piece of folded text (may yield several words: "e.g" → e, g). */
function indexWords(piece: string): string[] {
  const out: string[] = [];
  for (const part of piece.split(NOT_WORD_CHAR)) {
    if (HAS_LETTER_OR_DIGIT.test(part)) out.push(indexWord(part));
  }
  return out;
}

/** One run of letters, marks and digits in index form: without Arabic's "al-", cut to MAX_WORD_CHARS. */
function indexWord(run: string): string {
  const word = run.replace(ARABIC_ARTICLE, '');
  return word.length > MAX_WORD_CHARS ? Array.from(word).slice(0, MAX_WORD_CHARS).join('') : word;
}

/** Block-level closing tags: a space goes after them, or "end.</p><p>Next" would index "end.next". */
const BLOCK_END = /<\/(?:p|h[1-6]|li|blockquote|figcaption|caption|td|th|pre|div)>|<br\s*\/?>/gi;

/** The readable text of stored body HTML: no tags, entities decoded, one space between blocks. */
export function bodyText(html: string): string {
  return plainBodyText(html) ?? parsedBodyText(html);
}

// Stored HTML is the sanitiser's output (core/text/sanitize.ts): these tags, each with quoted
// attributes free of < and >, and text whose only entities are these. Parsing it costs about
// seven times as much as taking the tags out; anything else goes to the parser.
const PLAIN_TAG =
  /<\/?(?:p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|strong|em|b|i|u|s|sub|sup|a|br|hr|code|pre|table|thead|tbody|tr|th|td|caption|abbr|cite|q|small|span|div)(?:\s+[a-z-]+(?:="[^"<>]*")?)*\s*\/?>/iy;
const WHOLE_BLOCK_END = new RegExp(`^(?:${BLOCK_END.source})$`, 'i');
const ENTITY = /&(?:amp|lt|gt|quot|apos|nbsp|#39);/g;
const OTHER_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|nbsp|#39);)/;
const ENTITY_TEXT: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&nbsp;': '\u00a0',
  '&#39;': "'",
};

/** bodyText of HTML made only of plain tags and the common entities, without a parser; else undefined. */
function plainBodyText(html: string): string | undefined {
  // Each tag out, one that ends a block as a space (as BLOCK_END adds one): the same as
  // replacing PLAIN_TAG everywhere, found from each "<" on, and any other "<" means a parse.
  let text = '';
  let from = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', from)) {
    PLAIN_TAG.lastIndex = at;
    const tag = PLAIN_TAG.exec(html)?.[0];
    if (tag === undefined) return undefined;
    text += html.slice(from, at) + (WHOLE_BLOCK_END.test(tag) ? ' ' : '');
    from = at + tag.length;
  }
  text += html.slice(from);
  if (text.includes('&')) {
    if (OTHER_AMPERSAND.test(text)) return undefined;
    text = text.replace(ENTITY, (entity) => ENTITY_TEXT[entity]!);
  }
  // The same as replacing each run of \s with a space, without replacing each single space.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** bodyText of any HTML, by the HTML parser (the reference plainBodyText must agree with). */
export function parsedBodyText(html: string): string {
  const text = sanitizer()(html.replace(BLOCK_END, '$& '), { allowedTags: [], allowedAttributes: {} });
  // With no tags allowed, sanitize-html's output holds only these four entities.
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text in index form, in order (CJK text as the segmenter's words). */
export function wordsOf(text: string): string[] {
  return wordsOfFolded(foldText(text));
}

function wordsOfFolded(folded: string): string[] {
  const isSpaced = PLAIN_LATIN.test(folded) || !NEEDS_SEGMENTER.test(folded);
  return isSpaced ? spacedWords(folded) : segmentedWords(folded);
}

// Intl.Segmenter costs about 2 ms for a 4 KB story. For text in Latin or Arabic script it gives
// the same words as a run of letters, marks and digits, as indexWords splits every segment at
// whatever is not one of those anyway. Anything the two could disagree on goes to the
// segmenter: another script (CJK, Thai, Lao, Khmer and Myanmar need its dictionary), a letter
// or number of no script (such as ー) or one the word rules skip (❶), and a mark, format
// character or emoji modifier after a space or punctuation (the segmenter joins it to what
// comes before, and ICU then calls "word_" followed by one not a word), and a zero-width joiner
// before an emoji (joined to the word before it, which ICU then calls not a word either).
const NEEDS_SEGMENTER = new RegExp(
  [
    '[^\\p{sc=Latin}\\p{sc=Arabic}\\p{sc=Common}\\p{sc=Inherited}]',
    '\\p{No}',
    '(?![0-9])(?=\\p{sc=Common})[\\p{L}\\p{N}]',
    '(?:^|[^\\p{L}\\p{M}\\p{N}])[\\p{M}\\p{Cf}\\p{Emoji_Modifier}]',
    '\\u200d\\p{Extended_Pictographic}',
  ].join('|'),
  'u',
);
/**
 * Text that passes NEEDS_SEGMENTER, checked much faster: ASCII, Latin-1 and Latin Extended-A
 * and B, less the soft hyphen, µ and the superscript and fraction digits (folded away anyway).
 */
const PLAIN_LATIN = /^[\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u00b1\u00b4\u00b6-\u00b8\u00ba\u00bb\u00bf-\u024f]*$/;
const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Words by Intl.Segmenter (UAX #29 rules, with dictionaries for scripts without spaces). */
export function segmentedWords(folded: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(folded)) {
    if (s.isWordLike) out.push(...indexWords(s.segment));
  }
  return out;
}

/** Words as runs of letters, marks and digits: the segmenter's words for text that passes NEEDS_SEGMENTER. */
export function spacedWords(folded: string): string[] {
  return (folded.match(WORD_RUN) ?? []).map(indexWord);
}

/** The words a text is indexed under: its words, and its CJK runs as characters and pairs of them. */
export function indexTermsOf(text: string): string[] {
  const folded = foldText(text);
  const runs = folded.match(CJK_RUN);
  if (runs === null) return wordsOfFolded(folded);
  return [...wordsOfFolded(folded.replace(CJK_RUN, ' ')), ...runs.flatMap(charGrams)];
}

/** A text as the index stores it: its index words separated by spaces, so each becomes a token. */
export function segmentText(text: string): string {
  return indexTermsOf(text).join(' ');
}

/** A reader's query, cleaned: what to show back, and the words to look for. */
export interface SearchQuery {
  /** The query as shown in the form and headings (controls removed, whitespace collapsed, capped). */
  readonly text: string;
  /** Distinct index-form words; a result must contain all of them. */
  readonly terms: readonly string[];
  /** Whether the last term may also match longer words ("harb" finds "harbour"; see searchArticles). */
  readonly isPrefixLast: boolean;
  /**
   * Whether every term may also be the beginning of a longer word: in languages that write
   * compounds as one word, "Hochwasser" finds "Hochwasserschutz" (see searchArticles).
   */
  readonly isPrefixEvery?: boolean;
  /** The query's CJK words (folded), with the index of their first term: what highlighting marks. */
  readonly cjkWords: readonly CjkWord[];
  /** Whether the query was longer than MAX_QUERY_CHARS and was cut. */
  readonly isTruncated: boolean;
}

// Control characters, lone surrogates, noncharacters and invisible format characters (bidi
// overrides included), except the joiners that Arabic-script and emoji text need.
const UNSHOWABLE = /[\p{Cc}\p{Cs}\uFDD0-\uFDEF\uFFFE\uFFFF]|(?![\u200c\u200d])\p{Cf}/gu;

/** A CJK word of a query, as highlighting looks for it in a text. */
export interface CjkWord {
  readonly folded: string;
  /** The query term it counts as (its first pair of characters). */
  readonly term: number;
}

/** Turns whatever arrived as `q` into plain terms; never throws, whatever the input. */
export function parseQuery(raw: unknown): SearchQuery {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const cleaned = (typeof value === 'string' ? value : '').replace(UNSHOWABLE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  const isTruncated = chars.length > MAX_QUERY_CHARS;
  const text = isTruncated ? chars.slice(0, MAX_QUERY_CHARS).join('').trim() : cleaned;
  const terms: string[] = [];
  const cjkWords: CjkWord[] = [];
  const add = (term: string) => {
    let at = terms.indexOf(term);
    if (at < 0 && terms.length < MAX_TERMS) at = terms.push(term) - 1;
    return at;
  };
  for (const word of wordsOf(text)) {
    if (!HAS_CJK.test(word)) {
      add(word);
      continue;
    }
    // "3月" or "G20峰会": the CJK run as its pairs of characters, the rest as a word of its own.
    for (const part of word.split(CJK_RUN_SPLIT)) {
      if (part === '') continue;
      if (!HAS_CJK.test(part)) {
        add(part);
        continue;
      }
      const first = queryGrams(part).map(add)[0]!;
      if (first >= 0 && !cjkWords.some((w) => w.folded === part)) cjkWords.push({ folded: part, term: first });
    }
  }
  const last = terms[terms.length - 1];
  // A one-letter prefix would match a large part of the index for little use; a CJK pair is
  // already every word it could begin (the index holds no longer CJK words).
  const isPrefixLast = last !== undefined && Array.from(last).length >= 2 && !HAS_CJK.test(last);
  return { text, terms, isPrefixLast, cjkWords, isTruncated };
}

// Languages that write compounds as one word ("Hochwasserschutz", "verkeersveiligheid"): a search
// in them reads every word as the beginning of longer ones too.
const COMPOUNDING_LANGUAGES: ReadonlySet<string> = new Set([
  'de',
  'nl',
  'sv',
  'da',
  'nb',
  'nn',
  'no',
  'fi',
  'is',
  'af',
]);

/** Whether a locale's language writes compounds as one word. */
export function writesCompounds(locale: string): boolean {
  return COMPOUNDING_LANGUAGES.has(locale.split(/[-_]/)[0]!.toLowerCase());
}

/** The shortest term read as the beginning of longer words when every term may be one. */
export const MIN_COMPOUND_PREFIX = 3;

/** Whether a query's term may match longer words too. */
export function isPrefixTerm(query: Pick<SearchQuery, 'terms' | 'isPrefixLast' | 'isPrefixEvery'>, i: number): boolean {
  const term = query.terms[i];
  if (term === undefined || HAS_CJK.test(term)) return false;
  if (query.isPrefixEvery) return Array.from(term).length >= MIN_COMPOUND_PREFIX;
  return query.isPrefixLast && i === query.terms.length - 1;
}

/** A stretch of original text with the words it contains, for highlighting. */
export interface Piece {
  readonly text: string;
  /** Index of the query term this word matches, or -1 (also for spaces and punctuation). */
  readonly term: number;
  readonly isWord: boolean;
}

// Intl.Segmenter never joins across a space, tab or line break (UAX #29 keeps spaces together,
// and a mark or format character after one), so a text is segmented one space-separated part at
// a time, and a part that is one run of letters and digits in a script written with spaces
// (with some punctuation around it: "(harbour)," ) is one word without asking it. Other parts
// ("don't", "e.g.", CJK) go to the segmenter.
const SPACE_RUNS = /([\t\n\r ]+)/;
const SPACE_AT_START = /^[\t\n\r ]/;
// Punctuation joins letters into one segment only with a letter or digit on both sides
// ("e.g", "don't"): a run of letters with only some of these before and after it is one word.
// The quotes “ ” ‘ ’ « » as escapes (see TWO_LETTER_FOLDED).
const WORD_IN_PUNCTUATION =
  /^([.,;:!?()[\]"'\u201C\u201D\u2018\u2019\u00AB\u00BB-]*)([\p{L}\p{N}]+)([.,;:!?()[\]"'\u201C\u201D\u2018\u2019\u00AB\u00BB-]*)$/u;
const JOINER_AFTER_SPACE = /[\t\n\r ][\p{M}\p{Cf}\p{Emoji_Modifier}]/u;
/** A part that is one word in any case: ASCII letters and digits only. */
const ASCII_WORD = /^[a-zA-Z0-9]+$/;

/** A text's segments (as Intl.Segmenter splits it), each word matched against the query. */
export function piecesOf(text: string, query: SearchQuery): Piece[] {
  if (JOINER_AFTER_SPACE.test(text)) return segmentedPieces(text, query);
  const pieces: Piece[] = [];
  for (const part of text.split(SPACE_RUNS)) {
    if (part === '') continue;
    if (SPACE_AT_START.test(part)) {
      pieces.push({ text: part, term: -1, isWord: false });
      continue;
    }
    if (ASCII_WORD.test(part)) {
      pieces.push({ text: part, term: termIndex(asciiIndexWord(part), query), isWord: true });
      continue;
    }
    const [, before, word, after] = WORD_IN_PUNCTUATION.exec(part) ?? [];
    if (word === undefined || !(PLAIN_LATIN.test(word) || !NEEDS_SEGMENTER.test(word))) {
      pieces.push(...segmentedPieces(part, query));
      continue;
    }
    if (before) pieces.push({ text: before, term: -1, isWord: false });
    pieces.push({ text: word, term: termOf(word, query), isWord: true });
    if (after) pieces.push({ text: after, term: -1, isWord: false });
  }
  return pieces;
}

/** piecesOf by Intl.Segmenter alone (the reference piecesOf must agree with). */
export function segmentedPieces(text: string, query: SearchQuery): Piece[] {
  const pieces: Piece[] = [];
  for (const s of segmenter.segment(text)) {
    const isWord = s.isWordLike === true;
    pieces.push({ text: s.segment, term: isWord ? termOf(s.segment, query) : -1, isWord });
  }
  return query.cjkWords.length > 0 && HAS_CJK.test(text) ? withCjkMarks(pieces, query) : pieces;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * The pieces with CJK text marked where a CJK word of the query stands, character by character:
 * the segmenter may have split the text elsewhere than the query ("香港|口岸" holds 港口), so a
 * piece is cut where a mark begins or ends. Pieces with no CJK character keep their own marks.
 */
function withCjkMarks(pieces: readonly Piece[], query: SearchQuery): Piece[] {
  // The text's characters (graphemes: half-width ｼﾞ is one, folded to ジ), each folded, and which
  // character each folded code unit came from.
  const chars = graphemesOf(pieces.map((p) => p.text).join(''));
  let folded = '';
  const owner: number[] = [];
  chars.forEach((c, i) => {
    const f = foldText(c);
    folded += f;
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const marks = new Array<number>(chars.length).fill(-1);
  for (const word of query.cjkWords) {
    for (let at = folded.indexOf(word.folded); at >= 0; at = folded.indexOf(word.folded, at + 1)) {
      for (let k = at; k < at + word.folded.length; k++) if (marks[owner[k]!] === -1) marks[owner[k]!] = word.term;
    }
  }
  const out: Piece[] = [];
  let next = 0; // index into chars of the piece's first character
  for (const piece of pieces) {
    const own = graphemesOf(piece.text);
    const from = next;
    next += own.length;
    if (!piece.isWord || !HAS_CJK.test(piece.text)) {
      out.push(piece);
      continue;
    }
    // Runs of characters with the same mark, each a word of its own.
    let start = 0;
    for (let k = 1; k <= own.length; k++) {
      if (k < own.length && marks[from + k] === marks[from + start]) continue;
      out.push({ text: own.slice(start, k).join(''), term: marks[from + start]!, isWord: true });
      start = k;
    }
  }
  return out;
}

/** Index of the query term a word-like segment matches, or -1. */
function termOf(segment: string, query: SearchQuery): number {
  if (ASCII_WORD.test(segment)) return termIndex(asciiIndexWord(segment), query);
  for (const word of indexWords(foldText(segment))) {
    const term = termIndex(word, query);
    if (term >= 0) return term;
  }
  return -1;
}

/** The index form of an ASCII run of letters and digits (one word): lower case, cut as indexWord cuts. */
function asciiIndexWord(run: string): string {
  const word = run.toLowerCase();
  return word.length > MAX_WORD_CHARS ? word.slice(0, MAX_WORD_CHARS) : word;
}

/** Index of the query term an index-form word matches, or -1. */
function termIndex(word: string, query: SearchQuery): number {
  const { terms } = query;
  for (let i = 0; i < terms.length; i++) if (word === terms[i]) return i;
  // A whole word comes first; then the terms that may be the beginning of a word.
  for (let i = 0; i < terms.length; i++) if (isPrefixTerm(query, i) && word.startsWith(terms[i]!)) return i;
  return -1;
}

/** Escapes every piece and wraps matching words in <mark>; adjacent marks (CJK words) merge. */
function toSafeHtml(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => (p.term >= 0 ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join('')
    .replaceAll('</mark><mark>', '');
}

/** HTML-escaped text with the query's words marked: the only raw HTML the results page prints. */
export function safeHighlight(text: string, query: SearchQuery): string {
  return toSafeHtml(piecesOf(text, query));
}

/** Words shown in a snippet, and how many of them come before its first match. */
const SNIPPET_WORDS = 32;
const SNIPPET_LEAD = 8;

/** The part of a text a snippet is looked for in: a stretch from the first hit on, with a lead-in. */
const SNIPPET_SPAN_CHARS = 400;
const SNIPPET_LEAD_CHARS = 120;

/**
 * An escaped extract of about SNIPPET_WORDS words around the part of the text that holds the most
 * different query words, with those marked; undefined when the text holds none. Words are counted
 * by the segmenter, so Chinese and Japanese get a similar length of text as English.
 */
export function safeSnippet(text: string, query: SearchQuery): string | undefined {
  // Splitting a whole story into words costs milliseconds: only a stretch where a query word
  // appears is split, found by a plain search of the folded text (which may over-match, as
  // "other" holds "the"; then the split finds no word and the search goes on).
  // A stretch with every query word makes the best snippet; else one with any of them.
  const tries = query.terms.length > 1 ? [true, false] : [false];
  // Printable ASCII folds to its lower case, letter for letter: one fold serves every stretch.
  const lower = ASCII.test(text) ? text.toLowerCase() : undefined;
  for (const isEveryWord of tries) {
    for (let from = 0; from < text.length;) {
      const span = spanAroundHit(text, lower, query, from, isEveryWord);
      if (!span) break;
      const inner = snippetOf(text.slice(span.start, span.end), query);
      if (inner) {
        const lead = span.start > 0 && !inner.startsWith('… ') ? '… ' : '';
        const tail = span.end < text.length && !inner.endsWith(' …') ? ' …' : '';
        return `${lead}${inner}${tail}`;
      }
      from = span.hitEnd;
    }
  }
  return undefined;
}

/** The first stretch from `from` on whose folded text holds a query word (or all), with text around it. */
function spanAroundHit(
  text: string,
  lower: string | undefined,
  query: SearchQuery,
  from: number,
  isEveryWord: boolean,
): { start: number; end: number; hitEnd: number } | undefined {
  // In the folded text: each term's first place at or after the chunk, found again only once
  // the chunks have passed it (-1: nowhere further on).
  const next = query.terms.map(() => -2);
  for (let start = from; start < text.length;) {
    // Chunks end at a space where there is one, and are read a word's length further, so a
    // word cut at the end of a chunk (text without spaces) is still seen whole.
    let end = Math.min(text.length, start + SNIPPET_SPAN_CHARS);
    const space = end < text.length ? text.lastIndexOf(' ', end) : -1;
    if (space > start) end = space;
    const stop = Math.min(text.length, end + MAX_WORD_CHARS);
    const holds =
      lower === undefined
        ? foldedHolds(text.slice(start, stop))
        : (term: string, i: number) => {
            if (next[i] !== -1 && next[i]! < start) next[i] = lower.indexOf(term, start);
            return next[i] !== -1 && next[i]! + term.length <= stop;
          };
    if (isEveryWord ? query.terms.every(holds) : query.terms.some(holds)) {
      const leadSpace = start > 0 ? text.indexOf(' ', Math.max(0, start - SNIPPET_LEAD_CHARS)) : -1;
      const spanStart = leadSpace >= 0 && leadSpace < start ? leadSpace + 1 : Math.max(0, start - SNIPPET_LEAD_CHARS);
      let spanEnd = Math.min(text.length, end + SNIPPET_SPAN_CHARS);
      const endSpace = spanEnd < text.length ? text.lastIndexOf(' ', spanEnd) : -1;
      if (endSpace > end) spanEnd = endSpace;
      return { start: spanStart, end: spanEnd, hitEnd: end };
    }
    start = end;
  }
  return undefined;
}

/** Whether the folded text holds a term. */
function foldedHolds(text: string): (term: string) => boolean {
  const folded = foldText(text);
  return (term) => folded.includes(term);
}

/** The snippet of a stretch of text: the window of SNIPPET_WORDS words with the most query words. */
function snippetOf(text: string, query: SearchQuery): string | undefined {
  const pieces = piecesOf(text, query);
  const words: number[] = []; // index into pieces of each word
  const hits: number[] = []; // index into words of each word that matches a term
  const termOfHit: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!piece.isWord) continue;
    if (piece.term >= 0) {
      hits.push(words.length);
      termOfHit.push(piece.term);
    }
    words.push(i);
  }
  if (hits.length === 0) return undefined;
  // Windows start in order, so the hits in one are kept between two indexes that only move on,
  // with a count of each term's hits in it.
  const inWindow = new Array<number>(query.terms.length).fill(0);
  let [low, high, distinct] = [0, 0, 0];
  let best = { start: 0, score: -1 };
  for (const hit of hits.slice(0, 50)) {
    const start = Math.max(0, Math.min(hit - SNIPPET_LEAD, words.length - SNIPPET_WORDS));
    for (; high < hits.length && hits[high]! < start + SNIPPET_WORDS; high++) {
      if (inWindow[termOfHit[high]!]!++ === 0) distinct++;
    }
    for (; low < high && hits[low]! < start; low++) {
      if (--inWindow[termOfHit[low]!]! === 0) distinct--;
    }
    const score = distinct * 1000 + (high - low);
    if (score > best.score) best = { start, score };
  }
  const first = best.start === 0 ? 0 : words[best.start]!;
  const lastWord = best.start + SNIPPET_WORDS - 1;
  const end = lastWord >= words.length - 1 ? pieces.length : words[lastWord]! + 1;
  const body = toSafeHtml(pieces.slice(first, end)).trim();
  return `${first > 0 ? '… ' : ''}${body}${end < pieces.length ? ' …' : ''}`;
}
