// Settings: read once from the environment (and ./.env), validated, frozen.
// Every problem is reported at once, one line per setting, so an operator can fix them in one go.
// process.env is read here and nowhere else; code receives a Config through buildApp(config).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

/** The validated, frozen settings of one Warta process. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly engine: 'sqlite' | 'postgres';
  readonly demo: boolean;
  readonly timezone: string;
  readonly defaultEdition: string;
  readonly cookieSecret: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Readable text or JSON lines; `auto`: text when stdout is a terminal, JSON otherwise. */
  readonly logFormat: 'auto' | 'pretty' | 'json';
  /** Whether request lines name the client's address (off: logs hold no personal data). */
  readonly logClientAddresses: boolean;
  /**
   * Which X-Forwarded-* headers to believe: none (false), all (true), or only those added by
   * the listed proxy addresses/networks (comma-separated). No hop counts: like Fastify, we do
   * not trust a header without knowing the peer that sent it.
   */
  readonly trustProxy: boolean | string;
  /** Read counts are kept in memory and written in batches: at most this many ms apart… */
  readonly readsFlushIntervalMs: number;
  /** …or as soon as this many reads are pending. */
  readonly readsFlushSize: number;
  /**
   * Reads one client address (IPv4, or IPv6 /64) may add to one article per 10 minutes, in each
   * app process; many readers share an address (mobile networks, offices), so this caps, not dedupes.
   */
  readonly readsPerAddress: number;
  /** New votes allowed per hour from one client address (cookie-clearing scripts stop here). */
  readonly votesPerHourPerAddress: number;
  /** Seconds a public response is reused from the in-process page cache (0: off). */
  readonly pageCacheSeconds: number;
  /** URL template (with `{key}`) requested for each surrogate key a content change purges; none: no CDN. */
  readonly cdnPurgeUrl: string | undefined;
  /** HTTP method of those purge requests. */
  readonly cdnPurgeMethod: string;
  /** App processes `warta serve` runs on this host (node:cluster); 1: no primary, one process. */
  readonly workers: number;
  /** Whether GET /metrics answers (Prometheus text format). */
  readonly metrics: boolean;
  /** Webhooks may be sent to private, loopback and reserved addresses (an intranet; tests). */
  readonly webhooksAllowPrivate: boolean;
  /** When set, /metrics asks for `Authorization: Bearer <token>`. */
  readonly metricsToken: string | undefined;
  /** Where e-mail goes out (a nodemailer SMTP URL: smtp:// or smtps://); none: no e-mail is sent. */
  readonly smtpUrl: string | undefined;
  /** The From of the site's e-mail (password reset links). */
  readonly mailFrom: string;
  /**
   * The key that seals integrity reports (base64url of 32 bytes); none: the key file under the
   * data directory, made on first start. Never in the database.
   */
  readonly integrityKey: string | undefined;
  /** Closed integrity reports older than this many months are purged with their files. */
  readonly integrityRetentionMonths: number;
}

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port (tests)
  HOST: z.string().min(1).default('127.0.0.1'),
  WARTA_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  WARTA_DATA_DIR: z.string().min(1).default('./data'),
  WARTA_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must start with sqlite: or postgres://')
    .optional(),
  WARTA_DEMO: flag.default(true),
  WARTA_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'is not an IANA time zone such as Asia/Jakarta')
    .default('Asia/Jakarta'),
  WARTA_DEFAULT_EDITION: z
    .string()
    .regex(/^[a-z]{2,3}(-[a-z0-9]+)?$/, 'must be an edition code such as en or id')
    .default('en'),
  WARTA_COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  WARTA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WARTA_LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  WARTA_LOG_CLIENT_ADDRESSES: flag.default(false),
  WARTA_TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      (v) => /^(0|1|true|false)$/.test(v) || v.split(',').every((p) => isAddressOrNetwork(p.trim())),
      'must be 0, 1, or a comma-separated list of proxy addresses or networks',
    )
    .transform(parseTrustProxy)
    .default(false),
  // The default (10 s) keeps counts on pages under a minute old; longer trades freshness for fewer writes.
  WARTA_READS_FLUSH_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  WARTA_READS_FLUSH_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(500),
  // 30 per 10 minutes: a new reader of one story every 20 s from one address, more than an office
  // or a carrier NAT address sends except for the biggest breaking story; a flood adds 3 a minute.
  WARTA_READS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  WARTA_VOTES_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  // At most 15 s, so a scheduled story and fresh counts are never held back for long.
  WARTA_PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(15).default(5),
  WARTA_CDN_PURGE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => u.includes('{key}'), 'must contain {key}, where each surrogate key to purge goes')
    .optional(),
  // PURGE for Varnish-style caches; POST or DELETE for most CDN APIs.
  WARTA_CDN_PURGE_METHOD: z
    .string()
    .regex(/^[A-Z]{3,10}$/, 'must be an HTTP method in capitals, such as PURGE or POST')
    .default('PURGE'),
  // `auto`: one per core the process may use; `warta serve --workers N` overrides it.
  WARTA_WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], 'must be a number from 1 to 64, or auto')
    .default(1),
  // Off by default: the numbers say how busy the site is, which is the operator's business.
  WARTA_METRICS: flag.default(false),
  WARTA_WEBHOOKS_ALLOW_PRIVATE: flag.default(false),
  WARTA_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // smtp:// upgrades with STARTTLS when the server offers it; smtps:// is TLS from the start (465).
  WARTA_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  WARTA_MAIL_FROM: z
    .string()
    .trim()
    .max(320)
    .regex(/@[^@\s>]+>?$/, 'must be an address such as Warta <no-reply@example.id>')
    .optional(),
  // Checked here (not only when the first report is sealed) so a bad key stops the start.
  WARTA_INTEGRITY_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}=?$|^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes as base64 (openssl rand -base64 32)')
    .optional(),
  // Long enough for an investigation and an appeal; short enough that old reports do not linger.
  WARTA_INTEGRITY_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
});

/** Every setting's name (README documents each one; a test keeps the two in step). */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

function isAddressOrNetwork(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || !address || net.isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(address) ? 32 : 128;
  return /^[0-9]{1,3}$/.test(bits) && Number(bits) <= max;
}

/** "1"/"true": every proxy; "0"/"false": none; else the list of proxies to believe. */
function parseTrustProxy(value: string): boolean | string {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return value
    .split(',')
    .map((p) => p.trim())
    .join(',');
}

/** Whether Intl knows a time zone by this name (IANA names and their aliases, e.g. UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Without WARTA_BASE_URL: localhost when the app listens on loopback or on every interface,
 * else the one address it listens on (so the address printed at start is one that answers).
 */
function defaultBaseUrl(host: string, port: number): string {
  if (['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host)) return `http://localhost:${port}`;
  return `http://${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
}

/** Thrown when settings are invalid; `problems` holds one line per setting. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Validates an environment (process.env merged with .env) into a frozen Config. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty values count as unset, as most .env tooling treats them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'settings');
      return `Setting ${name} is invalid: ${issue.message} (got ${JSON.stringify(cleaned[name] ?? '')})`;
    });
    throw new ConfigError(problems);
  }
  const s = parsed.data;
  const dataDir = path.resolve(s.WARTA_DATA_DIR);
  const databaseUrl = s.WARTA_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'warta.db')}`;
  const baseUrl = s.WARTA_BASE_URL ?? defaultBaseUrl(s.HOST, s.PORT);
  return Object.freeze({
    port: s.PORT,
    host: s.HOST,
    baseUrl,
    dataDir,
    databaseUrl,
    engine: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres',
    demo: s.WARTA_DEMO,
    timezone: s.WARTA_TIMEZONE,
    defaultEdition: s.WARTA_DEFAULT_EDITION,
    cookieSecret: s.WARTA_COOKIE_SECRET,
    logLevel: s.WARTA_LOG_LEVEL,
    logFormat: s.WARTA_LOG_FORMAT,
    logClientAddresses: s.WARTA_LOG_CLIENT_ADDRESSES,
    trustProxy: s.WARTA_TRUST_PROXY,
    readsFlushIntervalMs: s.WARTA_READS_FLUSH_INTERVAL_MS,
    readsFlushSize: s.WARTA_READS_FLUSH_SIZE,
    readsPerAddress: s.WARTA_READS_PER_ADDRESS,
    votesPerHourPerAddress: s.WARTA_VOTES_PER_HOUR,
    pageCacheSeconds: s.WARTA_PAGE_CACHE_SECONDS,
    cdnPurgeUrl: s.WARTA_CDN_PURGE_URL,
    cdnPurgeMethod: s.WARTA_CDN_PURGE_METHOD,
    workers: s.WARTA_WORKERS === 'auto' ? os.availableParallelism() : s.WARTA_WORKERS,
    metrics: s.WARTA_METRICS,
    webhooksAllowPrivate: s.WARTA_WEBHOOKS_ALLOW_PRIVATE,
    metricsToken: s.WARTA_METRICS_TOKEN,
    smtpUrl: s.WARTA_SMTP_URL,
    mailFrom: s.WARTA_MAIL_FROM ?? `Warta <no-reply@${new URL(baseUrl).hostname}>`,
    integrityKey: s.WARTA_INTEGRITY_KEY,
    integrityRetentionMonths: s.WARTA_INTEGRITY_RETENTION_MONTHS,
  });
}

/** The process environment with ./.env (or WARTA_ENV_FILE) underneath it: real variables win. */
export function readEnvironment(cwd: string = process.cwd()): Record<string, string | undefined> {
  const file = process.env.WARTA_ENV_FILE ?? path.join(cwd, '.env');
  let fromFile: Record<string, string> = {};
  try {
    fromFile = dotenv.parse(fs.readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { ...fromFile, ...process.env };
}
