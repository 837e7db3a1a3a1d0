// Sending deliveries: a job on the clock (once across all app processes) takes what is due and
// posts each body, signed, to its hook. Never in a reader's or an editor's request: the command
// that caused an event has long answered when its deliveries go out.
//
// One attempt: POST, 10 s for the whole exchange, redirects not followed (a 3xx is a failure:
// following one would reach an address the guard never saw), the connection made only to a
// public address (address-guard.ts), the response read and thrown away. 2xx is delivered;
// anything else is retried with backoff (model.ts RETRY_DELAYS_MS) and given up after the last.
import http from 'node:http';
import https from 'node:https';
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { isIP } from 'node:net';
import { guardedLookup, hostOf, isPublicAddress, RefusedAddressError } from './address-guard.ts';
import { absoluteBody, stillDue } from './payloads.ts';
import { claimDue, recordAttempt, skipDelivery, type AttemptResult, type ClaimedDelivery } from './queue.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signing.ts';

/** How long one attempt may take, connection to last byte. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** The most of a receiver's answer read before the connection is dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** How many deliveries one run sends (the job runs again in a few seconds). */
const BATCH = 20;
/** How many are in flight at once: a slow receiver does not hold the others back. */
const PARALLEL = 4;

export interface SenderOptions {
  readonly allowPrivate: boolean;
  /** The site's address: the pages a body names become URLs under it. */
  readonly baseUrl: string;
  readonly userAgent: string;
  readonly now: () => Date;
  readonly timeoutMs?: number;
}

/** Posts one signed body; never throws. */
export function attempt(delivery: ClaimedDelivery, options: SenderOptions): Promise<AttemptResult> {
  const sentAt = Math.floor(options.now().getTime() / 1000);
  const body = absoluteBody(delivery.body, options.baseUrl);
  let url: URL;
  try {
    url = new URL(delivery.url);
  } catch {
    return Promise.resolve({ ok: false, status: null, error: 'The address is not a valid URL.' });
  }
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!client) return Promise.resolve({ ok: false, status: null, error: 'Only http and https addresses are sent to.' });
  // An address typed as digits is dialled without a lookup, so the guard in it never runs.
  const literal = hostOf(url);
  if (!options.allowPrivate && isIP(literal) && !isPublicAddress(literal)) {
    return Promise.resolve({ ok: false, status: null, error: new RefusedAddressError(literal).message });
  }
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = client.request(url, {
      method: 'POST',
      lookup: guardedLookup(options.allowPrivate),
      // A fresh connection each time: a pooled socket would skip the lookup (and its check).
      agent: false,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'user-agent': options.userAgent,
        'warta-event': delivery.eventType,
        'warta-delivery': String(delivery.id),
        [SIGNATURE_HEADER]: signatureHeader(delivery.secret, sentAt, body),
      },
    });
    const timer = setTimeout(
      () => done({ ok: false, status: null, error: 'No answer within the time allowed.' }),
      options.timeoutMs ?? ATTEMPT_TIMEOUT_MS,
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) finish();
      });
      const finish = () =>
        done(
          status >= 200 && status < 300
            ? { ok: true, status, error: null }
            : {
                ok: false,
                status,
                error: status >= 300 && status < 400 ? 'Redirects are not followed.' : `HTTP ${status}`,
              },
        );
      response.on('end', finish);
      response.on('error', finish);
    });
    request.on('error', (error) => {
      const refused = error instanceof RefusedAddressError || error.cause instanceof RefusedAddressError;
      done({ ok: false, status: null, error: refused ? error.message : `Could not connect: ${error.message}` });
    });
    request.end(body);
  });
}

/** One run of the sender: claims what is due and sends it. Returns how many were attempted. */
export async function sendDue(db: Kysely<Database>, options: SenderOptions): Promise<number> {
  const claimed = await claimDue(db, options.now(), BATCH);
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      if (!(await stillDue(db, delivery.eventType, delivery.body, options.now()))) {
        await skipDelivery(db, delivery, options.now());
        continue;
      }
      const result = await attempt(delivery, options);
      await recordAttempt(db, delivery, result, options.now());
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, claimed.length) }, worker));
  return claimed.length;
}
