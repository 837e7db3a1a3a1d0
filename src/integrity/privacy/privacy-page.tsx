// The privacy notice page (/{edition}/privacy): the notice's sections with a table of contents,
// and the way to the integrity zone's contacts.
import { Breadcrumbs } from '../../core/views/components.tsx';
import { Layout } from '../../core/views/layout.tsx';
import type { Site } from '../../core/views/site.ts';
import type { Notice } from './notice.ts';

export interface PrivacyPageProps {
  site: Site;
  notice: Notice;
  /** The notice's own language, when it is not the edition's (an edition without a translation). */
  lang: string | undefined;
  path: string;
  zonePath: string;
}

export function PrivacyPage(props: PrivacyPageProps): JSX.Element {
  const { site, notice } = props;
  const { t, edition } = site;
  return (
    <Layout site={site} head={{ title: notice.title, description: notice.intro, path: props.path }}>
      <div class="wrap">
        <article class="static-page privacy" lang={props.lang}>
          <Breadcrumbs
            site={site}
            trail={[
              { label: t('nav.home'), href: `/${edition.code}` },
              { label: notice.title, href: props.path },
            ]}
          />
          <h1 safe>{notice.title}</h1>
          <p class="static-page__summary" safe>
            {notice.intro}
          </p>
          <nav class="privacy__contents" aria-labelledby="privacy-contents">
            <h2 id="privacy-contents" safe>
              {t('privacy.contents')}
            </h2>
            <ol>
              {notice.sections.map((s) => (
                <li>
                  <a href={`#${s.id}`} safe>
                    {s.heading}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <div class="static-page__body">
            {notice.sections.map((s) => (
              <section id={s.id} aria-labelledby={`${s.id}-title`}>
                <h2 id={`${s.id}-title`} safe>
                  {s.heading}
                </h2>
                {s.paragraphs.map((p) => (
                  <p safe>{p}</p>
                ))}
              </section>
            ))}
            <p>
              <span safe>{notice.contact}</span>{' '}
              <a href={props.zonePath} safe>
                {notice.contactLink}
              </a>
            </p>
          </div>
        </article>
      </div>
    </Layout>
  );
}
