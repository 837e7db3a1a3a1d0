// The process's logger and Fastify's request logging, built so that logs hold no personal data:
// a request line is method, path (never the query string), status and time; no cookies, no
// headers, and the client's address only when the operator turns WARTA_LOG_CLIENT_ADDRESSES on.
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';
import { prettyDestination, type LineSink } from './log-pretty.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `false`: the route writes no request lines at all, e.g. the integrity channel, which
     * promises a reporter that no trace of the report's request is kept. Errors it logs still
     * carry only the request id and the error. For total silence add `logLevel: 'silent'`.
     */
    logRequests?: boolean;
  }
}

/** Where and how to write; tests pass a stream, the CLI passes nothing (stdout). */
export interface LogOptions {
  /** Destination of the lines; process.stdout when omitted. */
  stream?: LineSink;
  /** Whether the destination is a terminal (WARTA_LOG_FORMAT=auto); stdout's isTTY by default. */
  isTerminal?: boolean;
}

// Belt and braces: the serializers below never emit headers, but someone may log headers by
// hand (`log.info({ headers: request.headers })`, or one level down as `{ upstream: { headers } }`),
// and those must not carry credentials.
const CREDENTIAL_HEADERS = new Set(['cookie', 'authorization', 'set-cookie', 'proxy-authorization']);
const CENSOR = '[redacted]';
/** Keys whose value pino replaces by a serializer below: none of their output holds headers. */
const SERIALIZED_KEYS = new Set(['req', 'res']);

/** Creates the process's pino logger: readable text on a terminal, JSON lines elsewhere. */
export function createLogger(config: Config, options: LogOptions = {}): Logger {
  const isTerminal = options.isTerminal ?? (options.stream ? false : process.stdout.isTTY === true);
  const isPretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && isTerminal);
  const sink = options.stream ?? process.stdout;
  const destination: DestinationStream = isPretty
    ? prettyDestination(sink)
    : options.stream
      ? { write: (line: string) => void sink.write(line) }
      : pino.destination(1);
  return pino(
    {
      level: config.logLevel,
      // Not pino's `redact`: its wildcard paths cloned and walked every line, a twentieth of the
      // time of an uncached article page; this looks at two levels of the line's own keys.
      formatters: { log: withoutCredentials },
      serializers: {
        req: (request: FastifyRequest) => serializeRequest(request, config.logClientAddresses),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
}

/**
 * The line's object with credential headers censored (names in any case) under `headers` at
 * its top level or one level down; the same object when there are none, as on every request
 * line. What is copied keeps its prototype, so an error is still logged as an error.
 */
export function withoutCredentials(object: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    if (SERIALIZED_KEYS.has(key)) continue;
    const value = object[key];
    const censored = key === 'headers' ? censoredHeaders(value) : withCensoredHeaders(value);
    if (censored !== value) (copy ??= { ...object })[key] = censored;
  }
  return copy ?? object;
}

/** A value whose own `headers` hold credentials, copied with them censored; else the value itself. */
function withCensoredHeaders(value: unknown): unknown {
  if (!isObject(value) || !('headers' in value)) return value;
  const headers = censoredHeaders(value.headers);
  if (headers === value.headers) return value;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null, Object.getOwnPropertyDescriptors(value));
  Object.defineProperty(copy, 'headers', { value: headers, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Headers with any credential censored (a copy), or the same headers when they hold none. */
function censoredHeaders(headers: unknown): unknown {
  if (!isObject(headers) || Array.isArray(headers)) return headers;
  const names = Object.keys(headers).filter((name) => CREDENTIAL_HEADERS.has(name.toLowerCase()));
  if (names.length === 0) return headers;
  const copy: Record<string, unknown> = { ...headers };
  for (const name of names) copy[name] = CENSOR;
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The request as logged: method and path, plus the address only when the operator asked. */
function serializeRequest(request: FastifyRequest, logClientAddress: boolean): Record<string, unknown> {
  // Query strings hold what readers search for (and sometimes tokens): never logged, on any route.
  const path = (request.url ?? '').split('?')[0];
  if (!logClientAddress) return { method: request.method, path };
  // request.ip honours WARTA_TRUST_PROXY; a raw IncomingMessage has only its socket.
  return { method: request.method, path, remoteAddress: request.ip ?? request.raw?.socket?.remoteAddress };
}

/**
 * Fastify's per-request log lines: one "request completed" line per request (the "incoming
 * request" line only at debug level), none for routes with `config: { logRequests: false }`,
 * and a not-found line without the query string that Fastify's own would include.
 */
class PrivateLogController extends LogController {
  override isLogDisabled(request: FastifyRequest): boolean {
    return request.routeOptions?.config?.logRequests === false;
  }

  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.info({ req: request }, 'route not found');
  }
}

/**
 * Fastify's logging options, to spread into `Fastify({ ...loggerOptions(config), … })`.
 * Pass `logger` to share one created by createLogger (the CLI), or `stream` to capture lines.
 */
export function loggerOptions(
  config: Config,
  options: LogOptions & { logger?: Logger } = {},
): { loggerInstance: FastifyBaseLogger; logController: LogController } {
  return {
    loggerInstance: options.logger ?? createLogger(config, options),
    logController: new PrivateLogController(),
  };
}
