// What an import run did (or, dry, would do): counts per kind, warnings naming source ids, and
// the lists an editor checks afterwards.

/** What became of the records of one kind. */
export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** A moved dateline or source, for an editor to check. */
export interface MovedText {
  readonly sourceId: string;
  readonly field: 'dateline' | 'source';
  readonly text: string;
}

/** The summary of a run. */
export interface ImportSummary {
  readonly edition: string;
  readonly system: string;
  readonly isDryRun: boolean;
  /** By kind: 'category', 'author', 'tag', 'article', 'image'. */
  readonly counts: Record<string, KindCounts>;
  /** Problems that did not stop the run, each naming the source record. */
  readonly warnings: { readonly sourceId: string; readonly message: string }[];
  /** Records skipped at the source (trashed …), with why. */
  readonly skipped: { readonly sourceId: string; readonly reason: string }[];
  /** Articles edited in Warta since their import: not overwritten though the source changed. */
  readonly editedInWarta: { readonly sourceId: string; readonly articleId: number }[];
  /** Datelines and sources found typed in a body and moved into their fields. */
  readonly moved: MovedText[];
}

/** An empty summary. */
export function newSummary(edition: string, system: string, isDryRun: boolean): ImportSummary {
  return { edition, system, isDryRun, counts: {}, warnings: [], skipped: [], editedInWarta: [], moved: [] };
}

/** Counts one record of a kind. */
export function count(summary: ImportSummary, kind: string, outcome: keyof KindCounts): void {
  const counts = (summary.counts[kind] ??= { created: 0, updated: 0, unchanged: 0, skipped: 0 });
  counts[outcome]++;
}

/** Adds one summary's counts and lists to another's. */
export function mergeSummary(into: ImportSummary, from: ImportSummary): void {
  for (const [kind, c] of Object.entries(from.counts)) {
    const target = (into.counts[kind] ??= { created: 0, updated: 0, unchanged: 0, skipped: 0 });
    for (const outcome of ['created', 'updated', 'unchanged', 'skipped'] as const) target[outcome] += c[outcome];
  }
  into.warnings.push(...from.warnings);
  into.skipped.push(...from.skipped);
  into.editedInWarta.push(...from.editedInWarta);
  into.moved.push(...from.moved);
}

/** The summary as the terminal shows it. */
export function formatSummary(summary: ImportSummary): string {
  const lines: string[] = [];
  const would = summary.isDryRun ? ' (dry run: nothing was written; counts say what a run would do)' : '';
  lines.push(`Import of ${summary.system} into edition "${summary.edition}"${would}`);
  for (const [kind, c] of Object.entries(summary.counts)) {
    lines.push(
      `  ${kind.padEnd(9)} ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`,
    );
  }
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const item of items) lines.push(`  ${item}`);
  };
  section(
    'Skipped at the source',
    summary.skipped.map((s) => `${s.sourceId}: ${s.reason}`),
  );
  section(
    'Edited in Warta since the import, not overwritten',
    summary.editedInWarta.map((e) => `${e.sourceId} → article ${e.articleId}`),
  );
  section(
    'Datelines and sources moved out of the body, for an editor to check',
    summary.moved.map((m) => `${m.sourceId}: ${m.field} "${m.text}"`),
  );
  section(
    'Warnings',
    summary.warnings.map((w) => `${w.sourceId}: ${w.message}`),
  );
  return lines.join('\n');
}
