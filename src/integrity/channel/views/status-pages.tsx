// The reporter's side after sending: the code lookup (a form, so the code travels in a POST body
// and never in an address), the report as its code opens it (kind, status with dates, what was
// reported, the messages the reporter may read, the attachments' names), the form to answer and
// add evidence (or the word that the report is closed), and the refusals: no such code, too many
// attempts, a body too large.
import type { Site } from '../../../core/views/site.ts';
import { TEXT_LIMITS, type FieldProblems, type ReporterAttachment, type ReporterView } from '../../reports/index.ts';
import { messagePath, reportPath, statusPath } from '../paths.ts';
import { ChannelLayout, EvidenceField, ProblemSummary } from './parts.tsx';
import { TextArea } from './report-form.tsx';

/** The field the code is sent in. */
export const CODE_FIELD = 'code';

/** The code lookup; `isNotFound` after a code that opened nothing. */
export function StatusLookupPage(props: { site: Site; isNotFound?: boolean }): JSX.Element {
  const { site } = props;
  const { t, edition } = site;
  const title = t('integrity.channel.statusTitle');
  return (
    <ChannelLayout
      site={site}
      title={title}
      path={statusPath(edition.code)}
      current={{ label: title, href: statusPath(edition.code) }}
    >
      <header class="report-channel__header">
        <h1 safe>{title}</h1>
        <p class="report-channel__intro" safe>
          {t('integrity.channel.statusIntro')}
        </p>
      </header>
      <form
        class="report-form report-lookup"
        method="post"
        action={statusPath(edition.code)}
        enctype="multipart/form-data"
      >
        <div class="report-form__field">
          <label for="report-code-input" safe>
            {t('integrity.channel.code')}
          </label>
          <p class="report-form__hint" id="report-code-hint" safe>
            {t('integrity.channel.codeHint')}
          </p>
          {props.isNotFound ? (
            <p class="report-form__problem" id="report-code-problem" role="alert" safe>
              {t('integrity.channel.notFound')}
            </p>
          ) : (
            ''
          )}
          <input
            id="report-code-input"
            class="report-lookup__code"
            type="text"
            name={CODE_FIELD}
            required
            maxlength="64"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            dir="ltr"
            aria-describedby={props.isNotFound ? 'report-code-hint report-code-problem' : 'report-code-hint'}
            aria-invalid={props.isNotFound ? 'true' : undefined}
          />
        </div>
        <p>
          <button type="submit" class="button" safe>
            {t('integrity.channel.open')}
          </button>
        </p>
      </form>
      <p>
        <a href={reportPath(edition.code)} safe>
          {t('integrity.channel.newReport')}
        </a>
      </p>
    </ChannelLayout>
  );
}

export interface ReportStatusProps {
  site: Site;
  /** The code as typed: sent again, in the body, with the follow-up form. */
  code: string;
  report: ReporterView;
  /** After a follow-up was added. */
  isSent?: boolean;
  /** A refused follow-up: its problems and text. */
  problems?: FieldProblems;
  text?: string;
  isFilesAgain?: boolean;
}

/** The report as its code opens it. */
export function ReportStatusPage(props: ReportStatusProps): JSX.Element {
  const { site, report } = props;
  const { t, f, edition } = site;
  const title = t('integrity.channel.reportTitle');
  const problems = props.problems ?? {};
  return (
    <ChannelLayout
      site={site}
      title={title}
      path={statusPath(edition.code)}
      current={{ label: t('integrity.channel.statusTitle'), href: statusPath(edition.code) }}
    >
      <header class="report-channel__header">
        <h1 safe>{title}</h1>
      </header>
      {props.isSent ? (
        <p class="report-sent" role="status">
          <span safe>{t('integrity.channel.messageSent')}</span> <span safe>{t('integrity.channel.keepCode')}</span>
        </p>
      ) : (
        ''
      )}
      <dl class="report-facts">
        <div>
          <dt safe>{t('integrity.channel.kind')}</dt>
          <dd safe>{t(`integrity.report.kind.${report.kind}`)}</dd>
        </div>
        <div>
          <dt safe>{t('integrity.channel.status')}</dt>
          <dd>
            <strong class={`report-status report-status--${report.status}`} safe>
              {t(`integrity.report.status.${report.status}`)}
            </strong>
          </dd>
        </div>
        <div>
          <dt safe>{t('integrity.channel.receivedAt')}</dt>
          <dd>
            <time datetime={report.receivedAt.toISOString()} safe>
              {f.dateTime(report.receivedAt)}
            </time>
          </dd>
        </div>
        <div>
          <dt safe>{t('integrity.channel.updatedAt')}</dt>
          <dd>
            <time datetime={report.updatedAt.toISOString()} safe>
              {f.dateTime(report.updatedAt)}
            </time>
          </dd>
        </div>
      </dl>
      {report.statusHistory.length > 0 ? (
        <section aria-labelledby="report-history-title">
          <h2 id="report-history-title" safe>
            {t('integrity.channel.history')}
          </h2>
          <ol class="report-history">
            {report.statusHistory.map((step) => (
              <li>
                <time datetime={step.at.toISOString()} safe>
                  {f.dateTime(step.at)}
                </time>{' '}
                <span safe>{t(`integrity.report.status.${step.status}`)}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="report-content-title">
        <h2 id="report-content-title" safe>
          {t('integrity.channel.yourReport')}
        </h2>
        <dl class="report-content">
          <ContentItem label={t('integrity.channel.what')} text={report.content.what} />
          <ContentItem label={t('integrity.channel.when')} text={report.content.when} />
          <ContentItem label={t('integrity.channel.where')} text={report.content.where} />
          <ContentItem label={t('integrity.channel.who')} text={report.content.who} />
        </dl>
        <Attachments site={site} files={report.attachments} />
      </section>
      <section aria-labelledby="report-messages-title">
        <h2 id="report-messages-title" safe>
          {t('integrity.channel.messages')}
        </h2>
        {report.messages.length === 0 ? (
          <p safe>{t('integrity.channel.noMessages')}</p>
        ) : (
          <ol class="report-messages">
            {report.messages.map((m) => (
              <li class={`report-message report-message--${m.kind}`}>
                <p class="report-message__meta">
                  <strong safe>
                    {m.kind === 'reply' ? t('integrity.channel.fromOfficer') : t('integrity.channel.fromYou')}
                  </strong>{' '}
                  <time datetime={m.at.toISOString()} safe>
                    {f.dateTime(m.at)}
                  </time>
                </p>
                {m.text ? (
                  <p class="report-message__text" dir="auto" safe>
                    {m.text}
                  </p>
                ) : (
                  ''
                )}
                <Attachments site={site} files={m.attachments} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="report-add-title">
        <h2 id="report-add-title" safe>
          {t('integrity.channel.addTitle')}
        </h2>
        {report.isOpen ? (
          <>
            <ProblemSummary
              site={site}
              problems={problems}
              labels={{ text: t('integrity.channel.message'), files: t('integrity.channel.files') }}
            />
            <form class="report-form" method="post" action={messagePath(edition.code)} enctype="multipart/form-data">
              <input type="hidden" name={CODE_FIELD} value={props.code} />
              <TextArea
                site={site}
                field="text"
                label={t('integrity.channel.message')}
                values={{ text: props.text ?? '' }}
                problems={problems}
                max={TEXT_LIMITS.message}
                rows={5}
              />
              <EvidenceField site={site} problems={problems} isAgain={props.isFilesAgain === true} />
              <p>
                <button type="submit" class="button" safe>
                  {t('integrity.channel.send')}
                </button>
              </p>
            </form>
          </>
        ) : (
          <p class="report-closed" safe>
            {t('integrity.channel.closed')}
          </p>
        )}
      </section>
    </ChannelLayout>
  );
}

function ContentItem(props: { label: string; text: string }): JSX.Element {
  if (props.text === '') return '';
  return (
    <div>
      <dt safe>{props.label}</dt>
      <dd class="report-content__text" dir="auto" safe>
        {props.text}
      </dd>
    </div>
  );
}

function Attachments(props: { site: Site; files: readonly ReporterAttachment[] }): JSX.Element {
  if (props.files.length === 0) return '';
  return (
    <div class="report-attachments">
      <h3 safe>{props.site.t('integrity.channel.attachments')}</h3>
      <ul>
        {props.files.map((file) => (
          <li dir="auto" safe>
            {file.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A refusal page: too many attempts (429), or a body too large (413). */
export function RefusalPage(props: { site: Site; title: string; text: string }): JSX.Element {
  const { site } = props;
  const { t, edition } = site;
  return (
    <ChannelLayout site={site} title={props.title} path={reportPath(edition.code)}>
      <div class="notice">
        <h1 safe>{props.title}</h1>
        <p safe>{props.text}</p>
        <p>
          <a class="button" href={`/${edition.code}`} safe>
            {t('error.goHome')}
          </a>
        </p>
      </div>
    </ChannelLayout>
  );
}
