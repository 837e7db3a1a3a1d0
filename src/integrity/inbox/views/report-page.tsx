// A report as an officer opens it: its facts, what the reporter wrote (and who they are, if they
// said), the evidence to download, the thread (the reporter's messages, replies, internal notes
// marked as such, status changes with their reasons) and the forms that act on it.
import {
  NewsroomLayout,
  Notice,
  newsroomText as t,
  SiteTime,
  siteDateTime,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import { formatFileSize } from '../../documents/size.ts';
import { isAnonymous, type AttachmentInfo, type OfficerView, type OpenedMessage } from '../../reports/index.ts';
import { attachmentPath, INBOX_PATH } from '../paths.ts';
import type { Assignee } from '../officers.ts';
import { ReportForms, type FormState } from './report-forms.tsx';
import { kindLabel, statusLabel } from './labels.ts';

export interface ReportPageProps {
  readonly page: NewsroomPage;
  readonly report: OfficerView;
  readonly editionName: string;
  /** Names of the officers the page mentions (assignee, authors of messages). */
  readonly names: ReadonlyMap<number, string>;
  readonly assignees: readonly Assignee[];
  readonly timeZone: string;
  readonly notice?: string;
  /** A refused form, with what was typed and its problems. */
  readonly form?: FormState;
}

function When(props: { date: Date; timeZone: string }): JSX.Element {
  return <SiteTime date={props.date} timeZone={props.timeZone} text={siteDateTime(props.date, props.timeZone)} />;
}

/** A reporter's text: kept as typed (lines, any script). */
function Told(props: { text: string }): JSX.Element {
  return props.text === '' ? (
    <span class="nr-meta">{t('inbox.notGiven')}</span>
  ) : (
    <span class="nr-inbox-text" dir="auto" safe>
      {props.text}
    </span>
  );
}

function Facts(props: ReportPageProps): JSX.Element {
  const { report, timeZone } = props;
  const assignee =
    report.assignedTo === null ? t('inbox.nobody') : (props.names.get(report.assignedTo) ?? t('inbox.someone'));
  return (
    <section class="nr-panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('inbox.facts')}</h2>
      <dl class="nr-inbox-facts">
        <div>
          <dt>{t('inbox.col.kind')}</dt>
          <dd safe>{kindLabel(report.kind)}</dd>
        </div>
        <div>
          <dt>{t('inbox.col.status')}</dt>
          <dd>
            <span class={`nr-inbox-status nr-inbox-status-${report.status}`} safe>
              {statusLabel(report.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('inbox.col.edition')}</dt>
          <dd safe>{props.editionName}</dd>
        </div>
        <div>
          <dt>{t('inbox.col.received')}</dt>
          <dd>
            <When date={report.receivedAt} timeZone={timeZone} />
          </dd>
        </div>
        <div>
          <dt>{t('inbox.col.updated')}</dt>
          <dd>
            <When date={report.updatedAt} timeZone={timeZone} />
          </dd>
        </div>
        {report.closedAt ? (
          <div>
            <dt>{t('inbox.closedAt')}</dt>
            <dd>
              <When date={report.closedAt} timeZone={timeZone} />
            </dd>
          </div>
        ) : (
          ''
        )}
        <div>
          <dt>{t('inbox.col.assignee')}</dt>
          <dd safe>{assignee}</dd>
        </div>
      </dl>
    </section>
  );
}

function Content(props: { report: OfficerView }): JSX.Element {
  const { content } = props.report;
  const { identity } = content;
  return (
    <section class="nr-panel" aria-labelledby="content-heading">
      <h2 id="content-heading">{t('inbox.report')}</h2>
      <dl class="nr-inbox-content">
        <dt>{t('inbox.what')}</dt>
        <dd>
          <Told text={content.what} />
        </dd>
        <dt>{t('inbox.when')}</dt>
        <dd>
          <Told text={content.when} />
        </dd>
        <dt>{t('inbox.where')}</dt>
        <dd>
          <Told text={content.where} />
        </dd>
        <dt>{t('inbox.who')}</dt>
        <dd>
          <Told text={content.who} />
        </dd>
        <dt>{t('inbox.identity')}</dt>
        {isAnonymous(identity) ? (
          <dd>{t('inbox.anonymous')}</dd>
        ) : (
          <dd>
            <dl class="nr-inbox-identity">
              <dt>{t('inbox.name')}</dt>
              <dd>
                <Told text={identity.name} />
              </dd>
              <dt>{t('inbox.email')}</dt>
              <dd>
                <Told text={identity.email} />
              </dd>
              <dt>{t('inbox.phone')}</dt>
              <dd>
                <Told text={identity.phone} />
              </dd>
            </dl>
          </dd>
        )}
      </dl>
    </section>
  );
}

function FileLink(props: { publicId: string; file: AttachmentInfo }): JSX.Element {
  const { file } = props;
  return (
    <>
      <a href={attachmentPath(props.publicId, file.id)} dir="auto" safe>
        {t('inbox.download', { name: file.name })}
      </a>{' '}
      <span class="nr-meta" safe>
        {`(${file.mime}, ${formatFileSize(file.size, 'en')}${file.isStripped ? `, ${t('inbox.stripped')}` : ''})`}
      </span>
    </>
  );
}

function Evidence(props: { report: OfficerView }): JSX.Element {
  const { report } = props;
  return (
    <section class="nr-panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('inbox.evidence')}</h2>
      {report.attachments.length === 0 ? (
        <p>{t('inbox.noEvidence')}</p>
      ) : (
        <>
          <p class="nr-hint">{t('inbox.evidenceHint')}</p>
          <ul class="nr-list nr-inbox-evidence">
            {report.attachments.map((file) => (
              <li>
                <FileLink publicId={report.publicId} file={file} />{' '}
                <span class="nr-meta">{file.messageId === null ? t('inbox.withReport') : t('inbox.withMessage')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function entryHeading(message: OpenedMessage, names: ReadonlyMap<number, string>): string {
  const name = message.officerId === null ? t('inbox.someone') : (names.get(message.officerId) ?? t('inbox.someone'));
  switch (message.kind) {
    case 'reporter':
      return t('inbox.entry.reporter');
    case 'reply':
      return t('inbox.entry.reply', { name });
    case 'note':
      return t('inbox.entry.note', { name });
    case 'status':
      return t('inbox.entry.status', { name, status: message.status ? statusLabel(message.status) : '' });
  }
}

function Entry(props: {
  message: OpenedMessage;
  report: OfficerView;
  names: ReadonlyMap<number, string>;
  timeZone: string;
}): JSX.Element {
  const { message } = props;
  const files = message.kind === 'reporter' ? props.report.attachments.filter((a) => a.messageId === message.id) : [];
  return (
    <li class={`nr-inbox-entry nr-inbox-entry-${message.kind}`}>
      <p class="nr-inbox-entry-head">
        <strong safe>{entryHeading(message, props.names)}</strong>{' '}
        <span class="nr-meta">
          <When date={message.at} timeZone={props.timeZone} />
        </span>
      </p>
      {message.kind === 'note' ? <p class="nr-inbox-badge">{t('inbox.entry.noteBadge')}</p> : ''}
      {message.kind === 'status' && message.text !== '' ? (
        <p class="nr-inbox-reason">
          {t('inbox.entry.reason')}{' '}
          <span class="nr-inbox-text" dir="auto" safe>
            {message.text}
          </span>
        </p>
      ) : (
        ''
      )}
      {message.kind !== 'status' && message.text !== '' ? (
        <p class="nr-inbox-text" dir="auto" safe>
          {message.text}
        </p>
      ) : (
        ''
      )}
      {files.length > 0 ? (
        <>
          <p class="nr-meta">{t('inbox.entry.files')}</p>
          <ul class="nr-inbox-files">
            {files.map((file) => (
              <li>
                <FileLink publicId={props.report.publicId} file={file} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </li>
  );
}

function Thread(props: ReportPageProps): JSX.Element {
  const { report } = props;
  return (
    <section class="nr-panel" aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('inbox.thread')}</h2>
      {report.messages.length === 0 ? (
        <p>{t('inbox.threadEmpty')}</p>
      ) : (
        <ol class="nr-inbox-thread">
          {report.messages.map((message) => (
            <Entry message={message} report={report} names={props.names} timeZone={props.timeZone} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** A report's page in the officers' inbox. */
export function ReportPage(props: ReportPageProps): JSX.Element {
  const title = t('inbox.reportTitle', { id: props.report.publicId });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a class="nr-solo-link" href={INBOX_PATH}>
          {t('inbox.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <Facts {...props} />
      <Content report={props.report} />
      <Evidence report={props.report} />
      <Thread {...props} />
      <ReportForms
        report={props.report}
        assignees={props.assignees}
        csrfToken={props.page.staff?.csrfToken ?? ''}
        form={props.form}
      />
    </NewsroomLayout>
  );
}
