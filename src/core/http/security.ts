// Security headers on every response. Reader pages load only our own CSS, script and images
// (and, once a reader asks, an embedded post's frame from its provider);
// the browser features a news site never uses are switched off; HTTPS sites pin HTTPS (HSTS).
import type { FastifyInstance } from 'fastify';
import { EMBED_FRAME_ORIGINS } from '../text/embeds.ts';
import { isSecureSite } from './cookies.ts';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  // The radio's streams play from the station's own stream servers, wherever they are; an HLS
  // stream goes through hls.js, which fetches its playlist and segments (connect-src) and plays
  // them from a Media Source (a blob: address). The same breadth as the streams themselves.
  "media-src 'self' https: http: blob:",
  "connect-src 'self' https: http:",
  "style-src 'self'",
  "script-src 'self'",
  // Embedded posts, each loaded only when the reader asks (core/text/embeds.ts).
  `frame-src ${EMBED_FRAME_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** `self` and the embed providers' frames (a video the reader chose to load plays and goes full screen). */
const SELF_AND_EMBEDS = `(self ${EMBED_FRAME_ORIGINS.map((origin) => `"${origin}"`).join(' ')})`;

/**
 * Off: sensors, devices, payments and ad-tracking cohorts. Autoplay and fullscreen stay ours
 * (the radio player and video) and the embeds' (loaded only on a reader's click); features not
 * named keep the browser's default. Only features Chromium knows: an unknown name costs a
 * console warning on every page (ambient-light-sensor).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  `autoplay=${SELF_AND_EMBEDS}`,
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  `fullscreen=${SELF_AND_EMBEDS}`,
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** A year, and subdomains too: once a site is HTTPS it never goes back. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** What the headers depend on. */
export interface SecurityOptions {
  /** The configured public base URL; HSTS is sent only when it is https. */
  baseUrl: string;
}

/** Adds CSP (HTML), Permissions-Policy, HSTS (https sites), nosniff, referrer and framing headers. */
export function installSecurityHeaders(app: FastifyInstance, options: SecurityOptions): void {
  // Decided once from configuration: a forged X-Forwarded-Proto cannot turn HSTS on or off.
  const hsts = isSecureSite(options.baseUrl) ? STRICT_TRANSPORT_SECURITY : undefined;
  // Callback style: synchronous work on every answer, without an async hook's promise.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'SAMEORIGIN');
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (hsts) reply.header('strict-transport-security', hsts);
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    done(null, payload);
  });
}
