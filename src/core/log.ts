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
// hand (`log.info({ headers: request.headers })`), and those must not carry credentials.
const REDACTED_PATHS = [
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'headers["proxy-authorization"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  '*.headers["proxy-authorization"]',
];

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
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (request: FastifyRequest) => serializeRequest(request, config.logClientAddresses),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination,
  );
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
