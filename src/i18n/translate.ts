// Message lookup with {placeholders} and plural forms, per edition.
import { ar } from './catalogs/ar.ts';
import { en, type Catalog, type MessageKey } from './catalogs/en.ts';
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
  return (key, vars = {}) => {
    const message = catalog[key];
    let text: string;
    if (typeof message === 'string') {
      text = message;
    } else {
      const count = Number(vars.count ?? 0);
      const forms: Readonly<Record<string, string | undefined>> = message;
      text = forms[plurals(count)] ?? message.other;
    }
    // Most messages have no placeholder: no need to scan them (a page asks for dozens).
    if (!text.includes('{')) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers(value) : value;
    });
  };
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
