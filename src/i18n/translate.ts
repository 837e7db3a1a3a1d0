// Message lookup with {placeholders} and plural forms, per edition.
import { ar } from './catalogs/ar.ts';
import { en, type Catalog, type Message, type MessageKey } from './catalogs/en.ts';
import { de } from './catalogs/de.ts';
import { es } from './catalogs/es.ts';
import { fr } from './catalogs/fr.ts';
import { id } from './catalogs/id.ts';
import { ja } from './catalogs/ja.ts';
import { zh } from './catalogs/zh.ts';

export type { MessageKey } from './catalogs/en.ts';

const catalogs: Record<string, Catalog> = { en, id, ar, fr, de, es, zh, ja };

/** Translates a key; `count` selects the plural form and is formatted in the edition's locale. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The catalog of an edition code, if it has its own. */
export function catalogOf(code: string): Catalog | undefined {
  return catalogs[code];
}

/** The edition codes with a catalog of their own. */
export function catalogCodes(): readonly string[] {
  return Object.keys(catalogs);
}

/** Whether an edition code has its own message catalog. */
export function hasCatalog(code: string): boolean {
  return code in catalogs;
}

/** Builds the translator for an edition; editions without a catalog fall back to English. */
export function createTranslator(code: string, locale: string): Translate {
  const catalog = catalogs[code] ?? en;
  const plurals = remembered(new Intl.PluralRules(locale), (rules, n: number) => rules.select(n));
  const numbers = remembered(new Intl.NumberFormat(locale), (format, n: number) => format.format(n));
  // Each message is split at its placeholders the first time it is asked for: a page asks for
  // dozens, and a Map lookup and a few concatenations cost a fraction of a keyed load from the
  // catalog's large object and a pattern replace (17 ns a call against 116, over the catalog).
  const prepared = new Map<string, Prepared>();
  return (key, vars = {}) => {
    let message = prepared.get(key);
    if (message === undefined) {
      message = prepare(key, catalog[key]);
      prepared.set(key, message);
    }
    if (typeof message === 'string') return message;
    const text = isPlural(message) ? pluralForm(message, plurals(Number(vars.count ?? 0))) : message;
    if (typeof text === 'string') return text;
    let filled = text[0]!;
    for (let i = 1; i < text.length; i += 2) {
      const name = text[i]!;
      const value = vars[name];
      filled += value === undefined ? `{${name}}` : typeof value === 'number' ? numbers(value) : value;
      filled += text[i + 1]!;
    }
    return filled;
  };
}

/** A message split at its placeholders: text, name, text, …, text (the names at odd places). */
type Template = string | readonly string[];
/** A message ready to fill: one template, or one per plural category (`other` always there). */
type Prepared = Template | Readonly<Record<string, Template>>;

function prepare(key: string, message: Message | undefined): Prepared {
  if (message === undefined) throw new Error(`no message "${key}" in the catalog`);
  if (typeof message === 'string') return template(message);
  return Object.fromEntries(Object.entries(message).map(([form, text]) => [form, template(text!)]));
}

function template(text: string): Template {
  // Most messages have no placeholder, and stay plain strings.
  return text.includes('{') ? text.split(/\{(\w+)\}/) : text;
}

function isPlural(message: Prepared): message is Readonly<Record<string, Template>> {
  return typeof message === 'object' && !Array.isArray(message);
}

function pluralForm(forms: Readonly<Record<string, Template>>, category: string): Template {
  return forms[category] ?? forms.other!;
}

/** Numbers remembered per formatter: past this many the memory starts again. */
const REMEMBERED_NUMBERS = 2_000;

/**
 * A number formatter (plural category, localised digits) that remembers its answers: Intl calls
 * take microseconds each, and pages ask again and again for the same small numbers (vote and
 * read counts, averages).
 */
function remembered<F>(formatter: F, call: (formatter: F, n: number) => string): (n: number) => string {
  const known = new Map<number, string>();
  return (n) => {
    let text = known.get(n);
    if (text === undefined) {
      if (known.size >= REMEMBERED_NUMBERS) known.clear();
      text = call(formatter, n);
      known.set(n, text);
    }
    return text;
  };
}
