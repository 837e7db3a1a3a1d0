// The newsroom's document pages: an edition's documents (all states), the upload and edit form
// (multipart: the file, its text, its category and year, whether it is published) with each
// problem beside its field and listed above the form, and the page that confirms a deletion.
import {
  CsrfField,
  EditionPicker,
  NewsroomLayout,
  Notice,
  newsroomText as nt,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import type { DocumentInput, DocumentProblems } from '../commands.ts';
import { CATEGORIES, DOCUMENT_LIMITS, typeLabel, type IntegrityDocument } from '../model.ts';
import { CATEGORY_NAMES, categoryLabel, text } from '../newsroom-text.ts';
import { downloadPath } from '../paths.ts';
import { formatFileSize } from '../size.ts';

const BASE = '/newsroom/integrity/documents';

/** A file's type and size, in the newsroom's numbers. */
function fileMeta(doc: IntegrityDocument): string {
  return `${typeLabel(doc.contentType)}, ${formatFileSize(doc.bytes, 'en')}`;
}

/** An edition's documents. */
export function DocumentsPage(props: {
  page: NewsroomPage;
  editions: readonly EditionChoice[];
  edition: EditionChoice;
  documents: readonly IntegrityDocument[];
  notice?: string;
}): JSX.Element {
  const title = text.listTitle(props.edition.name);
  const heads = [text.title, text.category, text.year, text.file, text.state];
  return (
    <NewsroomLayout {...props.page} title={title}>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        <div class="nr-heading-actions">
          <a class="nr-button nr-button-primary" href={`${BASE}/new?edition=${encodeURIComponent(props.edition.code)}`}>
            {text.upload}
          </a>
        </div>
      </div>
      <p>{text.intro}</p>
      <EditionPicker action={BASE} editions={props.editions} current={props.edition.code} />
      <Notice text={props.notice} />
      {props.documents.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden" safe>
            {title}
          </caption>
          <thead>
            <tr>
              {heads.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.documents.map((doc) => (
              <tr>
                <td data-label={text.title}>
                  <a href={`${BASE}/${doc.id}`} dir="auto" safe>
                    {doc.title}
                  </a>
                </td>
                <td data-label={text.category} safe>
                  {categoryLabel(doc.category)}
                </td>
                <td data-label={text.year} safe>
                  {String(doc.year)}
                </td>
                <td data-label={text.file} safe>
                  {fileMeta(doc)}
                </td>
                <td data-label={text.state}>{doc.isPublished ? text.published : text.draft}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}

/** The id of the element holding a field's problems. */
const problemId = (field: string) => `${field}-problem`;

function describedBy(field: string, problems: DocumentProblems | undefined, hintId?: string): string | undefined {
  const ids = [...(hintId ? [hintId] : []), ...(problems?.has(field as never) ? [problemId(field)] : [])];
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function invalid(field: string, problems: DocumentProblems | undefined): 'true' | undefined {
  return problems?.has(field as never) ? 'true' : undefined;
}

function FieldProblem(props: { field: string; problems?: DocumentProblems }): JSX.Element {
  const texts = props.problems?.get(props.field as never);
  if (!texts?.length) return <></>;
  return (
    <p class="nr-field-problem" id={problemId(props.field)} safe>
      {texts.join(' ')}
    </p>
  );
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: text.title,
  description: text.description,
  category: text.category,
  year: text.year,
  file: text.file,
};

/** Every problem above the form, each a link to its field. */
function ProblemSummary(props: { problems?: DocumentProblems }): JSX.Element {
  const list = props.problems ? [...props.problems].flatMap(([field, texts]) => texts.map((t) => ({ field, t }))) : [];
  if (list.length === 0) return <></>;
  return (
    <div class="nr-problems" role="alert" tabindex="-1" id="problems">
      <p>{nt('form.problems')}</p>
      <ul>
        {list.map((p) =>
          FIELD_LABELS[p.field] ? (
            <li>
              <a href={`#${p.field}`} safe>
                {`${FIELD_LABELS[p.field]}: ${p.t}`}
              </a>
            </li>
          ) : (
            <li safe>{p.t}</li>
          ),
        )}
      </ul>
    </div>
  );
}

/** The upload form (no `doc`) or the edit form of a document. */
export function DocumentFormPage(props: {
  page: NewsroomPage;
  edition: EditionChoice;
  values: DocumentInput;
  problems?: DocumentProblems;
  doc?: IntegrityDocument;
  notice?: string;
}): JSX.Element {
  const { values, problems, doc } = props;
  const title = doc ? text.editTitle(doc.title) : text.newTitle(props.edition.name);
  const csrf = props.page.staff?.csrfToken ?? '';
  const required = <span class="nr-meta">({nt('form.required')})</span>;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href={`${BASE}?edition=${encodeURIComponent(props.edition.code)}`} safe>
          {text.listTitle(props.edition.name)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <ProblemSummary problems={problems} />
      {doc?.isPublished ? (
        <p>
          <a href={downloadPath(doc)}>{text.download}</a>
        </p>
      ) : (
        ''
      )}
      <form
        method="post"
        action={doc ? `${BASE}/${doc.id}` : BASE}
        enctype="multipart/form-data"
        class="nr-form"
        novalidate
      >
        {/* The token first: the file is read only after it has been checked. */}
        <CsrfField token={csrf} />
        {doc ? '' : <input type="hidden" name="edition" value={props.edition.code} />}
        <div class="nr-field">
          <label for="file">
            {doc ? text.replaceFile : text.file} {doc ? '' : required}
          </label>
          {doc ? (
            <p class="nr-hint" id="file-current" safe>
              {text.currentFile(doc.fileName, fileMeta(doc))}
            </p>
          ) : (
            ''
          )}
          <input
            type="file"
            id="file"
            name="file"
            required={!doc}
            accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt"
            aria-describedby={describedBy('file', problems, doc ? 'file-current file-hint' : 'file-hint')}
            aria-invalid={invalid('file', problems)}
          />
          <p class="nr-hint" id="file-hint">
            {doc ? `${text.replaceHint} ${text.fileHint}` : text.fileHint}
          </p>
          <FieldProblem field="file" problems={problems} />
        </div>
        <div class="nr-field">
          <label for="title">
            {text.title} {required}
          </label>
          <input
            type="text"
            id="title"
            name="title"
            value={values.title}
            required
            maxlength={String(DOCUMENT_LIMITS.title)}
            dir="auto"
            aria-describedby={describedBy('title', problems)}
            aria-invalid={invalid('title', problems)}
          />
          <FieldProblem field="title" problems={problems} />
        </div>
        <div class="nr-field">
          <label for="description">{text.description}</label>
          <textarea
            id="description"
            name="description"
            rows="4"
            dir="auto"
            maxlength={String(DOCUMENT_LIMITS.description)}
            aria-describedby={describedBy('description', problems, 'description-hint')}
            aria-invalid={invalid('description', problems)}
            safe
          >
            {values.description}
          </textarea>
          <p class="nr-hint" id="description-hint">
            {text.descriptionHint}
          </p>
          <FieldProblem field="description" problems={problems} />
        </div>
        <div class="nr-field">
          <label for="category">
            {text.category} {required}
          </label>
          <select
            id="category"
            name="category"
            required
            aria-describedby={describedBy('category', problems)}
            aria-invalid={invalid('category', problems)}
          >
            <option value="">{text.chooseCategory}</option>
            {CATEGORIES.map((c) => (
              <option value={c} selected={c === values.category} safe>
                {CATEGORY_NAMES[c]}
              </option>
            ))}
          </select>
          <FieldProblem field="category" problems={problems} />
        </div>
        <div class="nr-field">
          <label for="year">
            {text.year} {required}
          </label>
          <input
            type="text"
            id="year"
            name="year"
            value={values.year}
            required
            inputmode="numeric"
            maxlength="4"
            pattern="[0-9]{4}"
            autocomplete="off"
            aria-describedby={describedBy('year', problems, 'year-hint')}
            aria-invalid={invalid('year', problems)}
          />
          <p class="nr-hint" id="year-hint">
            {text.yearHint}
          </p>
          <FieldProblem field="year" problems={problems} />
        </div>
        <div class="nr-field nr-field-check">
          <input id="isPublished" name="isPublished" type="checkbox" value="1" checked={values.isPublished} />
          <label for="isPublished">{text.isPublished}</label>
        </div>
        <button type="submit" class="nr-button nr-button-primary">
          {doc ? text.save : text.create}
        </button>
      </form>
      {doc ? (
        <p>
          <a class="nr-button nr-button-danger" href={`${BASE}/${doc.id}/delete`}>
            {text.delete}
          </a>
        </p>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}

/** Asks before deleting a document (its file goes too). */
export function DeleteDocumentPage(props: { page: NewsroomPage; doc: IntegrityDocument }): JSX.Element {
  const title = text.deleteTitle(props.doc.title);
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1 safe>{title}</h1>
      <p>{text.deleteWarning}</p>
      <form method="post" action={`${BASE}/${props.doc.id}/delete`} class="nr-inline-form">
        <CsrfField token={props.page.staff?.csrfToken ?? ''} />
        <button type="submit" class="nr-button nr-button-danger">
          {text.deleteConfirm}
        </button>
      </form>
      <p>
        <a href={`${BASE}/${props.doc.id}`}>{text.deleteCancel}</a>
      </p>
    </NewsroomLayout>
  );
}
