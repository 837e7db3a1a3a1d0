// URL slugs that keep letters of every script (Arabic and CJK titles keep readable slugs).

/** "Japan & Italy: 2024!" → "japan-italy-2024". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop Latin accents after decomposition
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-') // marks stay: Arabic hamza and Indic vowels are marks
    .replace(/^-+|-+$/g, '');
  return (slug.slice(0, maxLength).replace(/-+$/, '') || 'item').normalize('NFC');
}
