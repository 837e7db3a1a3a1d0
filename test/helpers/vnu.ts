// HTML validity with the Nu HTML Checker (vnu-jar, needs Java): pages are fetched from a running
// server, saved to temporary files and checked in ONE Java run, because the JVM is slow to start.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const VNU_JAR = fileURLToPath(new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));

/** One error the checker reported, tied back to the page it came from. */
export interface HtmlError {
  url: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
  extract: string | undefined;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  firstColumn?: number;
  message?: string;
  extract?: string;
}

/** Fetches each path from the server (any status: error pages count too) and validates them all. */
export async function validatePages(baseUrl: string, paths: readonly string[]): Promise<HtmlError[]> {
  const documents: { url: string; html: string }[] = [];
  for (const p of paths) {
    const url = new URL(p, baseUrl).href;
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html'))
      throw new Error(`${url} answered ${response.status} with ${type || 'no content type'}, not HTML`);
    documents.push({ url, html: await response.text() });
  }
  return validateHtml(documents);
}

/** Runs the checker once over all documents; errors only (warnings are not reported). */
export async function validateHtml(documents: readonly { url: string; html: string }[]): Promise<HtmlError[]> {
  if (documents.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-vnu-'));
  try {
    const byFile = new Map<string, string>();
    const files = documents.map((doc, i) => {
      const file = path.join(dir, `page-${i}.html`);
      fs.writeFileSync(file, doc.html);
      byFile.set(pathToFileURL(file).href, doc.url);
      return file;
    });
    const output = await runVnu(files);
    const messages = parseVnuOutput(output);
    return messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
      .map((m) => ({
        url: (m.url && (byFile.get(normaliseFileUrl(m.url)) ?? m.url)) || '(unknown document)',
        line: m.lastLine ?? m.firstLine,
        column: m.firstColumn,
        message: m.message ?? '(no message)',
        extract: m.extract,
      }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** vnu writes `file:/tmp/x`; Node writes `file:///tmp/x`. */
function normaliseFileUrl(url: string): string {
  return url.replace(/^file:\/*/, 'file:///');
}

function runVnu(files: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', '--stdout', ...files],
      { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      (error, stdout, stderr) => {
        // Exit status 1 just means "errors were found"; anything without JSON is a real failure.
        const text = stdout.trim() || stderr.trim();
        if (text.startsWith('{')) return resolve(text);
        reject(new Error(`the Nu HTML Checker did not run: ${error?.message ?? ''}\n${stderr.slice(0, 2000)}`));
      },
    );
  });
}

function parseVnuOutput(text: string): VnuMessage[] {
  const parsed = JSON.parse(text) as { messages?: VnuMessage[] };
  return parsed.messages ?? [];
}

/** Errors as an assertion message: one per line, `url:line:column message «extract»`. */
export function formatHtmlErrors(errors: readonly HtmlError[], where = ''): string {
  if (errors.length === 0) return `no HTML errors${where ? ` on ${where}` : ''}`;
  const lines = [`${errors.length} HTML error(s)${where ? ` on ${where}` : ''}:`];
  for (const e of errors) {
    const at = e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : '';
    const extract = e.extract ? `  «${e.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}»` : '';
    lines.push(`- ${e.url}${at} ${e.message}${extract}`);
  }
  return lines.join('\n');
}
