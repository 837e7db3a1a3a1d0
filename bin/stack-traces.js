// Stack traces of the server bundle name the TypeScript file and line, as they do under tsx.
// Node's own source-map support (`process.setSourceMapsEnabled`) reads and parses every loaded
// chunk's map as the chunk loads: ~3.5 MB of JSON, about a tenth of a cold start, for stacks that
// are rarely printed. Here a chunk's map is read the first time a stack passes through it.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Maps the frames of every stack trace that lie in a file under `bundleDir` (a file: URL ending
 * in "/") through that file's `.map`; other frames, and frames a map does not cover, stay as V8
 * writes them.
 */
export function mapStackTracesUnder(bundleDir) {
  /** @type {Map<string, SourceMap | null>} */
  const maps = new Map();
  const mapOf = (fileUrl) => {
    if (!maps.has(fileUrl)) {
      let map = null;
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(fileURLToPath(`${fileUrl}.map`), 'utf8')));
      } catch {
        // No map beside the file (or an unreadable one): its frames stay as they are.
      }
      maps.set(fileUrl, map);
    }
    return maps.get(fileUrl);
  };
  const frameText = (callSite) => {
    const text = String(callSite);
    const file = callSite.getFileName();
    const line = callSite.getLineNumber();
    const column = callSite.getColumnNumber();
    if (!file?.startsWith(bundleDir) || !line || !column) return text;
    const entry = mapOf(file)?.findEntry(line - 1, column - 1);
    if (!entry?.originalSource) return text;
    const source = new URL(entry.originalSource, file).href;
    return text.replace(`${file}:${line}:${column}`, `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`);
  };
  // A stack is made while an error is handled: nothing here may throw.
  const safeFrameText = (callSite) => {
    try {
      return frameText(callSite);
    } catch {
      return String(callSite);
    }
  };
  Error.prepareStackTrace = (error, callSites) => {
    let head;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = '<error>';
    }
    return [head, ...callSites.map((callSite) => `    at ${safeFrameText(callSite)}`)].join('\n');
  };
}
