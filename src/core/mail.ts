// Outgoing e-mail through the SMTP server of WARTA_SMTP_URL (nodemailer). Short timeouts, so a
// dead or slow server fails a send within seconds instead of holding it for minutes; nothing
// here logs a message (its body may hold a secret link).
import type { Transporter } from 'nodemailer';
import type { Config } from './config.ts';

/** One message: plain text, and optionally HTML beside it. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** Sends e-mail from the site's address. */
export interface Mailer {
  /** Resolves once the SMTP server has accepted the message; rejects with a MailError. */
  send(message: MailMessage): Promise<void>;
  /** Closes idle connections (at shutdown). */
  close(): void;
}

/**
 * A failed send, with only what is safe to log: nodemailer's error code, the SMTP reply code
 * and the command that failed (never the message, the recipient or the server's reply text,
 * which may repeat the recipient's address).
 */
export class MailError extends Error {
  constructor(
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
    readonly command: string | undefined,
  ) {
    super(
      `e-mail not sent (${[code, responseCode, command].filter((x) => x !== undefined).join(' ') || 'unknown error'})`,
    );
    this.name = 'MailError';
  }
}

/** How long to wait for the TCP connection, the server's greeting and DNS. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long a connection may stay silent in the middle of a send. */
const SOCKET_TIMEOUT_MS = 20_000;

/** The site's mailer, or undefined when no SMTP server is configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  // nodemailer is loaded with the first message, not at every start (a large module most
  // processes never use).
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport(
        {
          url: config.smtpUrl,
          connectionTimeout: CONNECT_TIMEOUT_MS,
          greetingTimeout: CONNECT_TIMEOUT_MS,
          dnsTimeout: CONNECT_TIMEOUT_MS,
          socketTimeout: SOCKET_TIMEOUT_MS,
          logger: false,
          debug: false,
        },
        { from: config.mailFrom },
      ),
    ));
  return {
    async send(message) {
      try {
        await (
          await transportOf()
        ).sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html !== undefined ? { html: message.html } : {}),
          // Bounds the whole send, whatever phase it is stuck in.
          signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS + SOCKET_TIMEOUT_MS),
        });
      } catch (error) {
        const e = error as { code?: unknown; responseCode?: unknown; command?: unknown };
        throw new MailError(
          typeof e.code === 'string' ? e.code : undefined,
          typeof e.responseCode === 'number' ? e.responseCode : undefined,
          typeof e.command === 'string' ? e.command : undefined,
        );
      }
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}
