// Readable log lines for a terminal: pino writes one JSON line per record, this turns each into
// "12:04:05 INFO  message key=value", a request's lines ending in its id ("req=5f0c…"), so the
// lines of one request can be found together. Synchronous and dependency-free, so nothing written just
// before the process exits is lost and the format is exactly what the CLI tests expect.

/** Where pino writes; process.stdout and any Writable fit. */
export interface LineSink {
  write(chunk: string): unknown;
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// Shown in their own form (or not at all: pid and hostname are noise on a terminal).
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

interface LogRecord {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: unknown;
  req?: { method?: string; path?: string; remoteAddress?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/** Formats one pino JSON line as text; a line that is not JSON passes through unchanged. */
export function formatLogLine(line: string): string {
  let record: LogRecord;
  try {
    record = JSON.parse(line) as LogRecord;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const time = new Date(record.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = (LEVELS[record.level ?? 30] ?? 'LOG').padEnd(5);
  const parts = [time, level, describe(record)];
  for (const [key, value] of Object.entries(record)) {
    if (OMITTED.has(key) || value === undefined) continue;
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  if (typeof record.reqId === 'string') parts.push(`req=${record.reqId}`);
  let text = parts.filter(Boolean).join(' ');
  if (record.err?.stack) text += `\n  ${record.err.stack.split('\n').join('\n  ')}`;
  else if (record.err?.message) text += ` (${record.err.type ?? 'Error'}: ${record.err.message})`;
  return `${text}\n`;
}

/** A request line reads "GET /en 200 12 ms"; anything else shows its message. */
function describe(record: LogRecord): string {
  const { req, res } = record;
  if (!req?.method) return record.msg ?? '';
  const words = [req.method, req.path ?? '', res?.statusCode ?? '', record.msg ?? ''];
  if (record.msg === 'request completed' || record.msg === 'incoming request') words.pop();
  if (record.responseTime !== undefined) words.push(`${Math.round(record.responseTime)} ms`);
  if (req.remoteAddress) words.push(`from ${req.remoteAddress}`);
  return words.filter((w) => w !== '').join(' ');
}

/** A pino destination that writes readable lines to `sink` (a terminal, usually). */
export function prettyDestination(sink: LineSink): { write(line: string): void } {
  return { write: (line: string) => void sink.write(formatLogLine(line)) };
}
