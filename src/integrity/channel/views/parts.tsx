// Pieces the channel's pages share: the page frame (never indexed), field problems in the
// reader's language, the summary of problems at the top of a form, and the evidence input with
// its warning about what files carry.
import type { Children } from '@kitajs/html';
import { Breadcrumbs } from '../../../core/views/components.tsx';
import { Layout } from '../../../core/views/layout.tsx';
import type { Site } from '../../../core/views/site.ts';
import {
  MAX_FILE_BYTES,
  MAX_FILES_PER_SUBMISSION,
  MAX_SUBMISSION_BYTES,
  type FieldProblems,
} from '../../reports/index.ts';
import { FILES_FIELD } from '../../evidence/index.ts';
import { reportPath } from '../paths.ts';

/** What the file input takes, for the browser's file picker (the server reads the real type from the bytes). */
const ACCEPT = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
].join(',');

/** A channel page: the site's layout, never indexed, with the form's own small script. */
export function ChannelLayout(props: {
  site: Site;
  title: string;
  path: string;
  script?: string;
  /** A page below the form (the code lookup): its own step in the breadcrumbs. */
  current?: { readonly label: string; readonly href: string };
  children: Children;
}): JSX.Element {
  const { site } = props;
  const { t, edition } = site;
  return (
    <Layout
      site={site}
      head={{ title: props.title, description: t('integrity.channel.formIntro'), path: props.path, noindex: true }}
    >
      <div class="wrap">
        <div class="report-channel">
          <Breadcrumbs
            site={site}
            trail={[
              { label: t('nav.home'), href: `/${edition.code}` },
              { label: t('section.integrity'), href: `/${edition.code}/integrity` },
              { label: t('integrity.channel.formTitle'), href: reportPath(edition.code) },
              ...(props.current ? [props.current] : []),
            ]}
          />
          {props.children}
        </div>
      </div>
      {props.script ? <script type="module" src={props.script}></script> : ''}
    </Layout>
  );
}

/** The id of a field's problem list. */
export const problemId = (field: string) => `report-${field}-problem`;

/** A field's problems, translated, beside it (empty when it has none). */
export function FieldProblem(props: { site: Site; problems: FieldProblems; field: string }): JSX.Element {
  const list = props.problems[props.field] ?? [];
  if (list.length === 0) return '';
  return (
    <p class="report-form__problem" id={problemId(props.field)}>
      {list.map((p) => (
        <span safe>{props.site.t(p.key, p.values)}</span>
      ))}
    </p>
  );
}

/** Links to each field that has a problem, first on a refused form; focusable so a script may move focus there. */
export function ProblemSummary(props: {
  site: Site;
  problems: FieldProblems;
  labels: Readonly<Record<string, string>>;
  extra?: readonly string[];
}): JSX.Element {
  const { t } = props.site;
  const fields = Object.keys(props.problems).filter((f) => (props.problems[f] ?? []).length > 0);
  if (fields.length === 0 && (props.extra ?? []).length === 0) return '';
  return (
    <div class="report-summary" role="alert" tabindex="-1" id="report-summary">
      <h2 safe>{t('integrity.channel.problemsTitle')}</h2>
      <ul>
        {(props.extra ?? []).map((text) => (
          <li safe>{text}</li>
        ))}
        {fields.map((field) => (
          <li>
            <a href={`#report-${field}`} safe>
              {`${props.labels[field] ?? field}: ${(props.problems[field] ?? []).map((p) => t(p.key, p.values)).join(' ')}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The attributes tying a control to its hint and problem. */
export function describedBy(problems: FieldProblems, field: string, hint?: string): Record<string, string> {
  const ids = [hint, (problems[field] ?? []).length > 0 ? problemId(field) : undefined].filter(Boolean);
  return {
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
    ...((problems[field] ?? []).length > 0 ? { 'aria-invalid': 'true' } : {}),
  };
}

/** The evidence input: the warning about what files carry comes before it, then the limits. */
export function EvidenceField(props: { site: Site; problems: FieldProblems; isAgain: boolean }): JSX.Element {
  const { t } = props.site;
  const megabytes = (bytes: number) => String(bytes / 1024 / 1024);
  return (
    <div class="report-form__field">
      <div class="report-metadata" id="report-files-metadata">
        <h3 safe>{t('integrity.channel.metadataTitle')}</h3>
        <p safe>{t('integrity.channel.metadataPhotos')}</p>
        <p safe>{t('integrity.channel.metadataDocuments')}</p>
      </div>
      <label for={`report-${FILES_FIELD}`}>
        <span safe>{t('integrity.channel.files')}</span>{' '}
        <span class="report-form__optional" safe>
          {t('integrity.channel.optional')}
        </span>
      </label>
      <p class="report-form__hint" id="report-files-hint" safe>
        {t('integrity.channel.filesHint', {
          count: MAX_FILES_PER_SUBMISSION,
          size: megabytes(MAX_FILE_BYTES),
          total: megabytes(MAX_SUBMISSION_BYTES),
        })}
      </p>
      {props.isAgain ? (
        <p class="report-form__again" id="report-files-again" safe>
          {t('integrity.channel.filesAgain')}
        </p>
      ) : (
        ''
      )}
      <FieldProblem site={props.site} problems={props.problems} field={FILES_FIELD} />
      <input
        id={`report-${FILES_FIELD}`}
        type="file"
        name={FILES_FIELD}
        multiple
        accept={ACCEPT}
        data-max-files={String(MAX_FILES_PER_SUBMISSION)}
        {...describedBy(
          props.problems,
          FILES_FIELD,
          ['report-files-metadata', 'report-files-hint', props.isAgain ? 'report-files-again' : '']
            .filter(Boolean)
            .join(' '),
        )}
      />
    </div>
  );
}
