// The receipt: the answer to a stored report, in the POST's own response (never a redirect,
// which would have to carry the code in an address). The code is shown once, grouped for
// reading, with the plain warning that it cannot be shown again, how to follow the report, and a
// copy button that the page's script reveals (without it, the code is there to write down).
import type { Site } from '../../../core/views/site.ts';
import { reportPath, statusPath } from '../paths.ts';
import { ChannelLayout } from './parts.tsx';

/** The receipt page. */
export function ReceiptPage(props: { site: Site; code: string; script?: string }): JSX.Element {
  const { site } = props;
  const { t, edition } = site;
  const title = t('integrity.channel.receiptTitle');
  return (
    <ChannelLayout site={site} title={title} path={reportPath(edition.code)} script={props.script}>
      <header class="report-channel__header">
        <h1 safe>{title}</h1>
      </header>
      <section class="report-receipt" aria-labelledby="report-code-label">
        <h2 id="report-code-label" safe>
          {t('integrity.channel.codeLabel')}
        </h2>
        <p class="report-receipt__code" dir="ltr" translate="no">
          <code id="report-code" safe>
            {props.code}
          </code>
        </p>
        <p class="report-receipt__save">
          <strong safe>{t('integrity.channel.saveNow')}</strong>
        </p>
        <p safe>{t('integrity.channel.saveText')}</p>
        <p class="report-receipt__copy">
          <button type="button" class="button" data-copy-target="report-code" hidden safe>
            {t('integrity.channel.copy')}
          </button>{' '}
          <span role="status" data-copied={t('integrity.channel.copied')}></span>
        </p>
      </section>
      <section class="report-receipt__next" aria-labelledby="report-next-title">
        <h2 id="report-next-title" safe>
          {t('integrity.channel.howToCheck')}
        </h2>
        <p safe>{t('integrity.channel.howToCheckText')}</p>
        <p>
          <a class="button button--secondary" href={statusPath(edition.code)} safe>
            {t('integrity.channel.statusTitle')}
          </a>
        </p>
      </section>
    </ChannelLayout>
  );
}
