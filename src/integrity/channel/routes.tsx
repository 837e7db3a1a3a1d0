// The public reporting channel: the report form and its receipt, the code lookup and the report
// it opens, and the reporter's follow-up. What a reporter is promised shapes every route here:
// - no trace: no request line is logged (`logRequests: false`), and below warnings nothing at all
//   (the multipart parser logs request headers at trace level); addresses reach only the
//   in-memory limiters, as keyed hashes (limits.ts); the code travels only in POST bodies and
//   is shown only in a page's body, never in an address, a header or a log;
// - nothing kept by anyone else: every answer is `no-store` with `Referrer-Policy: no-referrer`,
//   noindex, and sets no cookie, so neither the page cache, a CDN nor the browser's cache keeps
//   a page and no address leaves with a click; the pages load nothing from another site;
// - abuse kept out without a third party: a honeypot, a proof-of-work challenge signed by the
//   site (challenge/), and per-address limits on forms sent and on codes that open nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, DomainRoutes } from '../../context.ts';
import { ensureCookieSecret } from '../../core/secret.ts';
import type { Site } from '../../core/views/site.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { ChallengeKeeper, challengeKey, type Challenge } from '../challenge/index.ts';
import { FILES_FIELD } from '../evidence/index.ts';
import {
  addReporterMessage,
  checkReportForm,
  findByCode,
  MAX_FILES_PER_SUBMISSION,
  MAX_SUBMISSION_BYTES,
  mergeProblems,
  ReportClosedError,
  ReportInputError,
  ReportNotFoundError,
  submitReport,
  type FieldProblems,
  type ReporterView,
} from '../reports/index.ts';
import { reportVault } from '../vault.ts';
import { isTooLarge, readPostedForm, registerChannelForms, type PostedForm } from './form-reader.ts';
import {
  AddressLimiter,
  SUBMISSION_WINDOW_MS,
  SUBMISSIONS_PER_HOUR,
  WRONG_CODE_WINDOW_MS,
  WRONG_CODES_PER_WINDOW,
} from './limits.ts';
import { channelTuning } from './tuning.ts';
import { ReceiptPage } from './views/receipt-page.tsx';
import { HONEYPOT_FIELD, NUMBER_FIELD, ReportFormPage, TOKEN_FIELD } from './views/report-form.tsx';
import { CODE_FIELD, RefusalPage, ReportStatusPage, StatusLookupPage } from './views/status-pages.tsx';

/** The report's own text fields, the ones a refused form shows again. */
const REPORT_FIELDS = ['kind', 'what', 'when', 'where', 'who', 'name', 'email', 'phone'] as const;

type Params = { Params: { edition: string } };

const schema = {
  params: { type: 'object', properties: { edition: { type: 'string', maxLength: 16 } }, required: ['edition'] },
} as const;

// No request line, and nothing below a warning, on any of these routes (see the header comment).
const routeOptions = { config: { logRequests: false }, logLevel: 'warn', schema } as const;

/** The first page of the channel's script, found among the built assets by its name. */
function scriptOf(ctx: AppContext): string | undefined {
  for (const url of ctx.assets.all.keys()) if (url.startsWith('/assets/integrity-report.')) return url;
  return undefined;
}

/** Text fields as the form shows them again: without NUL, which a page cannot carry. */
function keptValues(fields: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of names) kept[name] = (fields[name] ?? '').replaceAll('\u0000', '');
  return kept;
}

/** The problem of a form whose files could not all be taken (too many, or too many bytes). */
function overFullProblem(form: PostedForm): FieldProblems {
  if (!form.isOverFull) return {};
  return {
    [FILES_FIELD]: [{ key: 'integrity.report.problem.tooManyFiles', values: { max: MAX_FILES_PER_SUBMISSION } }],
  };
}

export const channelRoutes: DomainRoutes = async (app, { ctx }) => {
  const vault = reportVault(ctx);
  const key = challengeKey(ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir));
  // Made on first use, so that a test's tuning (tuning.ts), set once the app is built, applies.
  let keeper: ChallengeKeeper | undefined;
  const challenges = () => (keeper ??= new ChallengeKeeper(key, channelTuning(ctx)));
  const submissions = new AddressLimiter(SUBMISSIONS_PER_HOUR, SUBMISSION_WINDOW_MS);
  const wrongCodes = new AddressLimiter(WRONG_CODES_PER_WINDOW, WRONG_CODE_WINDOW_MS);
  const script = scriptOf(ctx);
  const now = () => ctx.now().getTime();
  const waitSeconds = () => Math.ceil(channelTuning(ctx).noScriptWaitMs / 1000);

  await registerChannelForms(app);

  // Every answer of this plugin, errors included: kept by nobody, leaking nothing on a click.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-robots-tag', 'noindex');
    reply.removeHeader('set-cookie');
    return payload;
  });

  async function siteOf(request: FastifyRequest<Params>): Promise<Site> {
    return siteFor(ctx, request, requireEdition(ctx, request.params.edition));
  }

  function refuse(reply: FastifyReply, site: Site, status: 413 | 429, text: string, retryAfterMs?: number) {
    // The body may be unread: the connection is not reused after this answer.
    reply.code(status).header('connection', 'close').type('text/html; charset=utf-8');
    if (retryAfterMs) reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
    const title = status === 429 ? site.t('integrity.channel.tooManyTitle') : site.t('integrity.channel.tooLargeTitle');
    return <RefusalPage site={site} title={title} text={text} />;
  }

  const tooLargeText = (site: Site) =>
    site.t('integrity.channel.tooLargeText', { total: MAX_SUBMISSION_BYTES / 1024 / 1024 });

  function formPage(
    reply: FastifyReply,
    site: Site,
    status: number,
    props: {
      challenge: Challenge;
      values?: Record<string, string>;
      problems?: FieldProblems;
      notices?: string[];
      isFilesAgain?: boolean;
    },
  ) {
    reply.code(status).type('text/html; charset=utf-8');
    return <ReportFormPage site={site} script={script} waitSeconds={waitSeconds()} {...props} />;
  }

  function statusPage(
    reply: FastifyReply,
    site: Site,
    status: number,
    props: {
      code: string;
      report: ReporterView;
      isSent?: boolean;
      problems?: FieldProblems;
      text?: string;
      isFilesAgain?: boolean;
    },
  ) {
    reply.code(status).type('text/html; charset=utf-8');
    return <ReportStatusPage site={site} {...props} />;
  }

  function notFoundPage(reply: FastifyReply, site: Site, address: string) {
    wrongCodes.count(address, now());
    reply.code(new ReportNotFoundError().status).type('text/html; charset=utf-8');
    return <StatusLookupPage site={site} isNotFound />;
  }

  app.get<Params>('/:edition/integrity/report', routeOptions, async (request, reply) => {
    const site = await siteOf(request);
    return formPage(reply, site, 200, { challenge: challenges().issue(now()) });
  });

  app.post<Params>('/:edition/integrity/report', routeOptions, async (request, reply) => {
    const site = await siteOf(request);
    const { t } = site;
    if (isTooLarge(request)) return refuse(reply, site, 413, tooLargeText(site));
    if (!submissions.take(request.ip, now()))
      return refuse(reply, site, 429, t('integrity.channel.tooManyForms'), SUBMISSION_WINDOW_MS);
    const form = await readPostedForm(request);
    const values = keptValues(form.fields, REPORT_FIELDS);
    const isFilesAgain = form.files.length > 0 || form.isOverFull;
    const again = (status: number, extra: Parameters<typeof formPage>[3]) =>
      formPage(reply, site, status, { values, isFilesAgain, ...extra });

    // A filled honeypot is a robot: refused as a failed spam check would be, and nothing is kept.
    if ((form.fields[HONEYPOT_FIELD] ?? '') !== '') {
      return again(400, { challenge: challenges().issue(now()), notices: [t('integrity.channel.checkFailed')] });
    }
    const token = form.fields[TOKEN_FIELD] ?? '';
    const outcome = challenges().check(token, form.fields[NUMBER_FIELD] ?? '', now());
    if (outcome === 'too_fast') {
      // The same token again: the wait counts from when the form was first shown.
      const challenge = challenges().reissue(token) ?? challenges().issue(now());
      return again(400, { challenge, notices: [t('integrity.channel.tooFast')] });
    }
    if (outcome !== 'ok') {
      return again(400, { challenge: challenges().issue(now()), notices: [t('integrity.channel.checkFailed')] });
    }
    // From here the sender has passed the check: a form sent back for a mistake needs no second wait.
    const retry = (problems: FieldProblems) => again(400, { challenge: challenges().issue(now(), true), problems });
    if (form.isOverFull) {
      const checked = checkReportForm(form.fields);
      return retry(mergeProblems('problems' in checked ? checked.problems : {}, overFullProblem(form)));
    }
    try {
      const { receiptCode } = await submitReport(ctx.writer, vault, {
        edition: site.edition.code,
        form: form.fields,
        files: form.files,
      });
      reply.type('text/html; charset=utf-8');
      return <ReceiptPage site={site} code={receiptCode} script={script} />;
    } catch (error) {
      if (error instanceof ReportInputError) return retry(error.byField);
      throw error;
    }
  });

  app.get<Params>('/:edition/integrity/report/status', routeOptions, async (request, reply) => {
    const site = await siteOf(request);
    reply.type('text/html; charset=utf-8');
    return <StatusLookupPage site={site} />;
  });

  app.post<Params>('/:edition/integrity/report/status', routeOptions, async (request, reply) => {
    const site = await siteOf(request);
    // Past the limit every code is refused alike, the right one too: a guess cannot be told apart.
    if (wrongCodes.isOver(request.ip, now()))
      return refuse(reply, site, 429, site.t('integrity.channel.tooManyCodes'), WRONG_CODE_WINDOW_MS);
    if (isTooLarge(request)) return refuse(reply, site, 413, tooLargeText(site));
    const form = await readPostedForm(request);
    const code = form.fields[CODE_FIELD] ?? '';
    const report = await findByCode(ctx.db, vault, code);
    if (!report) return notFoundPage(reply, site, request.ip);
    return statusPage(reply, site, 200, { code, report });
  });

  app.post<Params>('/:edition/integrity/report/message', routeOptions, async (request, reply) => {
    const site = await siteOf(request);
    const { t } = site;
    if (wrongCodes.isOver(request.ip, now()))
      return refuse(reply, site, 429, t('integrity.channel.tooManyCodes'), WRONG_CODE_WINDOW_MS);
    if (isTooLarge(request)) return refuse(reply, site, 413, tooLargeText(site));
    if (!submissions.take(request.ip, now()))
      return refuse(reply, site, 429, t('integrity.channel.tooManyForms'), SUBMISSION_WINDOW_MS);
    const form = await readPostedForm(request);
    const code = form.fields[CODE_FIELD] ?? '';
    const text = keptValues(form.fields, ['text']).text;
    const isFilesAgain = form.files.length > 0 || form.isOverFull;
    try {
      if (form.isOverFull) throw new ReportInputError(overFullProblem(form));
      await addReporterMessage(ctx.writer, vault, code, { text: form.fields.text, files: form.files });
    } catch (error) {
      if (error instanceof ReportNotFoundError) return notFoundPage(reply, site, request.ip);
      if (!(error instanceof ReportInputError) && !(error instanceof ReportClosedError)) throw error;
      const report = await findByCode(ctx.db, vault, code);
      if (!report) return notFoundPage(reply, site, request.ip);
      // Closed meanwhile: the page says so in place of the form.
      if (error instanceof ReportClosedError) return statusPage(reply, site, error.status, { code, report });
      return statusPage(reply, site, 400, { code, report, problems: error.byField, text, isFilesAgain });
    }
    const report = await findByCode(ctx.db, vault, code);
    if (!report) return notFoundPage(reply, site, request.ip);
    return statusPage(reply, site, 200, { code, report, isSent: true });
  });
};
