// The benchmark's output: one table (each measurement against its target, ok or MISSED), the
// same as JSON for comparing runs, and, on request, the table in the README between markers.
import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import type { LoadResult } from './load.ts';

/** One measured scenario. */
export interface ScenarioResult extends LoadResult {
  name: string;
  /** The server's page cache: 'on' (as configured by default), 'off' (every page rendered), or '' (a yardstick). */
  pageCache: 'on' | 'off' | '';
  connections: number;
  /** Requests per second as a share of nginx's on the cached article's bytes. */
  percentOfNginx: number | undefined;
  /** Each timed run (the figures above are medians over them, each on its own; requests and errors are all runs'). */
  runs?: { requestsPerSecond: number; p50Ms: number; p95Ms: number; p99Ms: number }[];
}

/** One target and whether it was met; `ok` undefined: nothing to compare with (no nginx). */
export interface TargetResult {
  name: string;
  target: string;
  measured: string;
  ok: boolean | undefined;
}

/** Everything a run produced. */
export interface BenchReport {
  date: string;
  commit: string;
  machine: { cpus: number; model: string; node: string; pinned: boolean; tool: string };
  archive: { articles: number; databaseBytes: number; mediaBytes: number; buildSeconds: number | undefined };
  coldStartMs: number;
  peakRssMb: number;
  /** Each server started: the default site (page cache on), then the one rendering every page. */
  servers: { name: string; coldStartMs: number; peakRssMb: number }[];
  nginx: ScenarioResult | undefined;
  /** A bare node:http server answering with the cached article's bytes and headers (older reports lack it). */
  node?: ScenarioResult;
  scenarios: ScenarioResult[];
  checks: { votes: string[]; reads: string[] };
  targets: TargetResult[];
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The report as Markdown: the scenario table, then the targets. */
export function formatReport(report: BenchReport): string {
  const n = (x: number, digits = 0) =>
    x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const ms = (x: number) => n(x, x < 10 ? 2 : 1);
  const lines = [
    `${report.date.slice(0, 10)}, commit ${report.commit}, ${report.machine.cpus} × ${report.machine.model}, Node ${report.machine.node}, ` +
      `${report.machine.tool}${report.machine.pinned ? ', server and load generator on separate cores' : ''}; ` +
      `${n(report.archive.articles)} articles, database ${n(report.archive.databaseBytes / 1e6)} MB` +
      (report.archive.buildSeconds ? `, built in ${n(report.archive.buildSeconds)} s` : ''),
    '',
    '| scenario | page cache | conns | req/s | % of nginx | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: |',
  ];
  const yardsticks = [report.nginx, report.node].filter((s) => s !== undefined);
  for (const s of [...yardsticks, ...report.scenarios]) {
    const share = s.percentOfNginx === undefined ? '' : `${n(s.percentOfNginx, 1)} %`;
    lines.push(
      `| ${s.name} | ${s.pageCache} | ${s.connections} | ${n(s.requestsPerSecond)} | ${share} | ${ms(s.p50Ms)} | ${ms(s.p95Ms)} | ${ms(s.p99Ms)} | ${s.errors} |`,
    );
  }
  lines.push('', '| target | goal | measured | |', '| --- | --- | --- | --- |');
  for (const t of report.targets) {
    lines.push(`| ${t.name} | ${t.target} | ${t.measured} | ${t.ok === undefined ? 'n/a' : t.ok ? 'ok' : 'MISSED'} |`);
  }
  return lines.join('\n');
}

/** Writes bench-results/latest.json and a dated copy (bench-results/ is git-ignored). */
export function writeReport(root: string, report: BenchReport): string {
  const dir = path.join(root, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  const file = path.join(dir, `${report.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, json);
  return file;
}

/** Replaces the README's table between the bench markers, formatted as `npm run format` would. */
export async function updateReadme(root: string, markdown: string): Promise<void> {
  const file = path.join(root, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  const updated = `${text.slice(0, start + START.length)}\n\n${markdown}\n\n${text.slice(end)}`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(updated, { ...options, filepath: file }));
}
