// Datelines and sources typed into a story's text at the old site: "JAKARTA: …", "Jakarta (VOI)
// - …" at the start, "/Antara/VOI", "(ant)", "Source: Reuters" at the end. The common forms are
// found, taken out of the body and returned for the article's own fields; anything else stays.

/** What was found in a body, and the body without it. */
export interface ExtractedText {
  readonly bodyHtml: string;
  /** The place ("Jakarta"), '' when none. */
  readonly dateline: string;
  /** The attribution ("Antara/VOI"), '' when none. */
  readonly source: string;
}

// Inline tags an opening may be wrapped in (`<p><strong>JAKARTA</strong> - …`), and spaces.
const SPACE = String.raw`(?:\s|&nbsp;|&#160;|\u00a0)`;
const WRAP = String.raw`(?:<(?:strong|b|em|i|span)(?:\s[^<>]*)?>)*`;
const UNWRAP = String.raw`(?:</(?:strong|b|em|i|span)>)*`;
const DASH = String.raw`(?:-{1,2}|–|—|:)`;
// A place: one to four words, in capitals ("BANDA ACEH") or each capitalised ("Banda Aceh").
const CAPS_PLACE = String.raw`[A-Z][A-Z.'’]{2,}(?:[ ][A-Z][A-Z.'’]*){0,3}`;
const TITLE_PLACE = String.raw`[A-Z][\p{L}.'’]*(?:[ ][A-Z][\p{L}.'’]*){0,3}`;
// "Jakarta, 12/3 (ANTARA) -": a short date or day after a comma.
const AFTER_COMMA = String.raw`(?:,${SPACE}*[\p{L}\d/. ]{1,20}?)?`;
const AGENCY = String.raw`\((?<agency>[\p{L}\d .&/-]{1,30})\)`;

/** `<p>JAKARTA: …` or `<p>JAKARTA - …` (a place in capitals, then a colon or dash). */
const CAPS_OPENING = new RegExp(
  String.raw`^(?<lead>${SPACE}*<p(?:\s[^<>]*)?>)${SPACE}*${WRAP}(?<place>${CAPS_PLACE})${AFTER_COMMA}${SPACE}*(?:${AGENCY}${SPACE}*)?${UNWRAP}${SPACE}*${DASH}${UNWRAP}${SPACE}+`,
  'u',
);
/** `<p>Jakarta (VOI) - …` (any place whose words start in capitals, then the agency in brackets). */
const AGENCY_OPENING = new RegExp(
  String.raw`^(?<lead>${SPACE}*<p(?:\s[^<>]*)?>)${SPACE}*${WRAP}(?<place>${TITLE_PLACE})${AFTER_COMMA}${SPACE}*${AGENCY}${SPACE}*${UNWRAP}${SPACE}*${DASH}${UNWRAP}${SPACE}+`,
  'u',
);

/** The last paragraph of a body: its opening tag, its content, and what follows it. */
const LAST_PARAGRAPH = /<p(?:\s[^<>]*)?>((?:(?!<p[\s>])[\s\S])*?)<\/p>(\s*)$/;
/** A paragraph that is only an attribution: "Source: Reuters", "Sumber: Antara". */
const SOURCE_LINE = new RegExp(
  String.raw`^${SPACE}*${WRAP}(?:Source|Sources|Sumber|المصدر)${SPACE}*:${SPACE}*${UNWRAP}${SPACE}*(?<source>[^<>]{1,200}?)${UNWRAP}${SPACE}*$`,
  'iu',
);
/** "… said. /Antara/VOI" or "/Antara": names after slashes, closing the paragraph. */
const SLASH_SOURCE = new RegExp(
  String.raw`(?<=^|[\s.,;!?"”)>])${WRAP}(?<source>(?:/${SPACE}*[\p{L}][\p{L}\d.&' -]{0,30}?){1,4})${UNWRAP}${SPACE}*$`,
  'u',
);
/** "… said. (ant)" or "(ant/vil)": an agency's short code in lower case, in brackets. */
const CODE_SOURCE = new RegExp(
  String.raw`(?<=^|[\s.,;!?"”])${WRAP}\((?<source>[a-z]{2,8}(?:/[a-z]{2,8}){0,3})\)${UNWRAP}${SPACE}*$`,
  'u',
);
/** Leftovers at the end of a paragraph once a source is cut off it. */
const TRAILING_SPACE = new RegExp(String.raw`(?:${SPACE}|<br\s*/?>)+$`, 'u');

/** Finds a typed dateline and source, takes them out of the body and returns them. */
export function extractDatelineAndSource(html: string): ExtractedText {
  let body = html;
  let dateline = '';
  let agency = '';
  const opening = AGENCY_OPENING.exec(body) ?? CAPS_OPENING.exec(body);
  if (opening?.groups) {
    dateline = placeName(opening.groups.place!);
    agency = decode(opening.groups.agency ?? '').trim();
    body = opening.groups.lead! + body.slice(opening[0].length);
  }
  let source = '';
  const last = LAST_PARAGRAPH.exec(body);
  if (last) {
    const inner = last[1]!;
    const line = SOURCE_LINE.exec(inner);
    if (line?.groups) {
      source = decode(line.groups.source!).trim();
      body = body.slice(0, last.index).replace(/\s+$/, '') + last[2]!;
    } else {
      const tail = SLASH_SOURCE.exec(inner) ?? CODE_SOURCE.exec(inner);
      if (tail?.groups) {
        source = cleanSource(decode(tail.groups.source!));
        const kept = inner.slice(0, tail.index).replace(TRAILING_SPACE, '');
        const start = last.index + last[0].indexOf(inner);
        body = kept
          ? body.slice(0, start) + kept + body.slice(start + inner.length)
          : body.slice(0, last.index).replace(/\s+$/, '') + last[2]!;
      }
    }
  }
  // "Jakarta (ANTARA) - …" names the agency when the end names none.
  if (!source && agency) source = agency;
  return { bodyHtml: body, dateline, source };
}

/** "BANDA ACEH" → "Banda Aceh"; a place written in mixed case stays as it is. */
function placeName(text: string): string {
  const place = decode(text).trim();
  if (place !== place.toUpperCase()) return place;
  return place
    .toLowerCase()
    .replace(/(^|[\s.'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** "/ Antara / VOI" → "Antara/VOI". */
function cleanSource(text: string): string {
  return text
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
}

/** The few character references a typed dateline or source holds. */
function decode(text: string): string {
  return text
    .replace(/&nbsp;|&#160;|\u00a0/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
