// A file's size as readers read it, in their edition's numbers: "1.2 MB", "1,2 MB", "٣٤٠ كيلوبايت".

const KIB = 1024;
const MIB = 1024 * 1024;
const formats = new Map<string, { kb: Intl.NumberFormat; mb: Intl.NumberFormat }>();

function formatsOf(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    // Whole kilobytes; megabytes to one decimal (none from 10 MB up), as file managers show them.
    const unit = (unit: string, digits: number) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits });
    found = { kb: unit('kilobyte', 0), mb: unit('megabyte', 1) };
    formats.set(locale, found);
  }
  return found;
}

/** A size in bytes in kilobytes under a megabyte, else megabytes (binary multiples, as operating systems count). */
export function formatFileSize(bytes: number, locale: string): string {
  const { kb, mb } = formatsOf(locale);
  if (bytes < MIB) return kb.format(Math.max(1, Math.round(bytes / KIB)));
  const megabytes = bytes / MIB;
  return mb.format(megabytes >= 10 ? Math.round(megabytes) : megabytes);
}
