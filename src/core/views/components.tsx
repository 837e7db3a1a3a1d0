// Small building blocks shared by reader pages.
import type { Site } from './site.ts';

/** Numbered pages with newer/older links (or the given labels); hidden when everything fits on one page. */
export function Pagination(props: {
  site: Site;
  /** May carry a query string of its own (search); `page` is appended to it. */
  basePath: string;
  page: number;
  pages: number;
  labels?: { previous: string; next: string };
}): JSX.Element {
  const { site, basePath, page, pages } = props;
  if (pages <= 1) return <></>;
  const href = (n: number) => (n === 1 ? basePath : `${basePath}${basePath.includes('?') ? '&' : '?'}page=${n}`);
  const numbers = pageWindow(page, pages);
  // Numbers written as the edition writes them, once each (the translator would format them anew).
  const pagesText = site.f.number(pages);
  return (
    <nav class="pagination" aria-label={site.t('pagination.label')}>
      {page > 1 ? (
        <a class="pagination__step" href={href(page - 1)} rel="prev" safe>
          {props.labels?.previous ?? site.t('pagination.previous')}
        </a>
      ) : (
        ''
      )}
      <ul class="pagination__pages">
        {numbers.map((n) =>
          n === 0 ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              <a
                href={href(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={site.t('list.pageOf', { page: site.f.number(n), pages: pagesText })}
                safe
              >
                {site.f.number(n)}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <a class="pagination__step" href={href(page + 1)} rel="next" safe>
          {props.labels?.next ?? site.t('pagination.next')}
        </a>
      ) : (
        ''
      )}
    </nav>
  );
}

/** 1 … 4 5 [6] 7 8 … 20, with 0 standing for a gap. */
export function pageWindow(page: number, pages: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== 0) out.push(0);
  }
  return out;
}

/** A trail of links ending at the current page. */
export function Breadcrumbs(props: { site: Site; trail: readonly { label: string; href: string }[] }): JSX.Element {
  return (
    <nav class="breadcrumbs" aria-label={props.site.t('breadcrumb.label')}>
      <ol>
        {props.trail.map((item, i) =>
          i === props.trail.length - 1 ? (
            <li>
              <a href={item.href} aria-current="page" safe>
                {item.label}
              </a>
            </li>
          ) : (
            <li>
              <a href={item.href} safe>
                {item.label}
              </a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** A friendly message for an empty or failed page, with a way on. */
export function Notice(props: {
  title: string;
  text: string;
  linkLabel: string;
  href: string;
  level?: 1 | 2;
}): JSX.Element {
  return (
    <div class="notice">
      {props.level === 2 ? <h2 safe>{props.title}</h2> : <h1 safe>{props.title}</h1>}
      <p safe>{props.text}</p>
      <p>
        <a class="button" href={props.href} safe>
          {props.linkLabel}
        </a>
      </p>
    </div>
  );
}
