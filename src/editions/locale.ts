// What an edition's locale may be (a BCP 47 tag this Node's Intl formats dates for), its
// canonical spelling, and the writing direction it implies.

/** Scripts written right to left (ISO 15924), as `Intl.Locale#maximize` names them. */
const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  'Arab',
  'Hebr',
  'Thaa',
  'Syrc',
  'Nkoo',
  'Adlm',
  'Rohg',
  'Mand',
  'Samr',
]);

/** The canonical spelling of a locale (`en-gb` → `en-GB`), or undefined when it is not one. */
export function canonicalLocale(locale: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    // Formats fall back through a locale's parents ("en-ZZ" → "en"); a language Intl has no data
    // for at all ("xx", "tlh") would silently be formatted as the runtime's default.
    return canonical !== undefined && Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0
      ? canonical
      : undefined;
  } catch {
    return undefined;
  }
}

/** Why a locale cannot be an edition's, or undefined when it can. */
export function localeProblem(locale: string): string | undefined {
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    return `"${locale}" is not a BCP 47 locale such as en-GB, id-ID or ar`;
  }
  if (canonicalLocale(locale) === undefined) return `"${locale}" is a locale this server has no date formats for`;
  return undefined;
}

/**
 * The writing direction of a locale's script: the script it names, else its language's usual one
 * (`ar`, `he`, `fa`, `ur` → rtl; `az-Arab` → rtl; `en-GB` → ltr).
 */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  const canonical = canonicalLocale(locale);
  if (canonical === undefined) return 'ltr';
  const script = new Intl.Locale(canonical).maximize().script;
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
