// The frame the radio's list pages share: the way back to the radio, the heading with its "new"
// button, the filters, the notice, then a table (each cell labelled for the phone layout) or a
// sentence when there is nothing to list.
import type { Children } from '@kitajs/html';
import { NewsroomLayout, Notice, newsroomText as t, type NewsroomPage } from '../../../newsroom/index.ts';

/** A column: its heading and each row's cell, as text (escaped) or as markup. */
export type ListColumn<Row> = { label: string } & (
  { text: (row: Row) => string } | { html: (row: Row) => JSX.Element }
);

/** An edition's list of radio things; `create` is left out where nothing can be added yet. */
export function RadioListPage<Row>(props: {
  page: NewsroomPage;
  title: string;
  create?: { href: string; label: string };
  notice?: string;
  /** Said instead of the table when `rows` is empty. */
  empty: string;
  columns: readonly ListColumn<Row>[];
  rows: readonly Row[];
  /** The filters between the heading and the notice. */
  children?: Children;
}): JSX.Element {
  const { title, columns } = props;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href="/newsroom/radio">{t('radio.back')}</a>
      </p>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        {props.create ? (
          <div class="nr-heading-actions">
            <a class="nr-button nr-button-primary" href={props.create.href} safe>
              {props.create.label}
            </a>
          </div>
        ) : (
          ''
        )}
      </div>
      {props.children ?? ''}
      <Notice text={props.notice} />
      {props.rows.length === 0 ? (
        <p safe>{props.empty}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden" safe>
            {title}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" safe>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                {columns.map((column) =>
                  'text' in column ? (
                    <td data-label={column.label} safe>
                      {column.text(row)}
                    </td>
                  ) : (
                    <td data-label={column.label}>{column.html(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}
