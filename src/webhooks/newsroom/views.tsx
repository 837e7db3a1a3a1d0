// /newsroom/webhooks: the hooks (address, events, on/off, how the last delivery went) and the
// form that adds one; /newsroom/webhooks/:id: one hook's form, its signing secret, and its
// delivery log with "Send again" for what failed. Administrators only.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  PostButton,
  Problems,
  SettingsTabs,
  SiteTime,
  newsroomText as t,
  type NewsroomPage,
} from '../../newsroom/index.ts';
import { HOOK_EVENTS, isHookEvent, type HookEvent, type Webhook } from '../model.ts';
import type { DeliveryLine } from '../queries.ts';

/** The form's fields as posted (shown again with the problems). */
export interface WebhookFormValues {
  readonly url: string;
  readonly description: string;
  readonly events: readonly string[];
  readonly active: boolean;
}

const EMPTY: WebhookFormValues = { url: '', description: '', events: ['article.published'], active: true };

function eventLabel(event: HookEvent): string {
  return t(`webhooks.event.${event}`);
}

/** The list and the add form. */
export function WebhooksPage(props: {
  readonly page: NewsroomPage;
  readonly hooks: readonly (Webhook & { readonly last?: DeliveryLine })[];
  readonly timeZone: string;
  readonly allowPrivate: boolean;
  readonly values?: WebhookFormValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}): JSX.Element {
  const title = t('webhooks.title');
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1>{t('settings.title')}</h1>
      <SettingsTabs current="webhooks" />
      <h2>{title}</h2>
      <p>{t('webhooks.intro')}</p>
      <Notice text={props.notice} />
      <section class="nr-panel" aria-labelledby="hooks-heading">
        <h3 id="hooks-heading">{t('webhooks.listHeading')}</h3>
        {props.hooks.length === 0 ? (
          <p>{t('webhooks.none')}</p>
        ) : (
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.events')}</th>
                <th scope="col">{t('webhooks.state')}</th>
                <th scope="col">{t('webhooks.lastDelivery')}</th>
              </tr>
            </thead>
            <tbody>
              {props.hooks.map((hook) => (
                <tr>
                  <td>
                    <a href={`/newsroom/webhooks/${hook.id}`} class="nr-break" safe>
                      {hook.url}
                    </a>
                    {hook.description === '' ? (
                      ''
                    ) : (
                      <div class="nr-meta" safe>
                        {hook.description}
                      </div>
                    )}
                  </td>
                  <td data-label={t('webhooks.events')} safe>
                    {hook.events.map(eventLabel).join(', ')}
                  </td>
                  <td data-label={t('webhooks.state')}>{hook.isActive ? t('webhooks.on') : t('webhooks.off')}</td>
                  <td data-label={t('webhooks.lastDelivery')}>
                    {hook.last ? <DeliveryState line={hook.last} timeZone={props.timeZone} /> : t('webhooks.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="nr-panel" aria-labelledby="add-heading">
        <h3 id="add-heading">{t('webhooks.add')}</h3>
        <WebhookForm
          action="/newsroom/webhooks"
          csrfToken={props.page.staff!.csrfToken}
          values={props.values ?? EMPTY}
          problems={props.problems}
          allowPrivate={props.allowPrivate}
          submit={t('webhooks.addSubmit')}
        />
      </section>
      <SigningHelp />
    </NewsroomLayout>
  );
}

/** One hook: its form, secret, and log. */
export function WebhookPage(props: {
  readonly page: NewsroomPage;
  readonly hook: Webhook;
  readonly log: readonly DeliveryLine[];
  readonly timeZone: string;
  readonly allowPrivate: boolean;
  readonly values?: WebhookFormValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
}): JSX.Element {
  const { hook } = props;
  const csrf = props.page.staff!.csrfToken;
  const title = hook.description === '' ? t('webhooks.hookTitle', { id: hook.id }) : hook.description;
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p class="nr-meta">
        <a href="/newsroom/webhooks">{t('webhooks.back')}</a>
      </p>
      <h1 safe>{title}</h1>
      <p class="nr-break" safe>
        {hook.url}
      </p>
      <Notice text={props.notice} />
      <section class="nr-panel" aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t('webhooks.edit')}</h2>
        <WebhookForm
          action={`/newsroom/webhooks/${hook.id}`}
          csrfToken={csrf}
          values={props.values ?? { ...hook, active: hook.isActive }}
          problems={props.problems}
          allowPrivate={props.allowPrivate}
          submit={t('webhooks.save')}
        />
      </section>
      <section class="nr-panel" aria-labelledby="secret-heading">
        <h2 id="secret-heading">{t('webhooks.secret')}</h2>
        <p>{t('webhooks.secretIntro')}</p>
        <details>
          <summary>{t('webhooks.showSecret')}</summary>
          <p>
            <code class="nr-break" safe>
              {hook.secret}
            </code>
          </p>
        </details>
        <PostButton action={`/newsroom/webhooks/${hook.id}/rotate`} csrfToken={csrf} text={t('webhooks.rotate')} />
      </section>
      <section class="nr-panel" aria-labelledby="log-heading">
        <h2 id="log-heading">{t('webhooks.log')}</h2>
        {props.log.length === 0 ? (
          <p>{t('webhooks.noDeliveries')}</p>
        ) : (
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.delivery')}</th>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.result')}</th>
                <th scope="col">{t('webhooks.attempts')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('webhooks.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.log.map((line) => (
                <tr>
                  <td>
                    <span safe>{String(line.id)}</span>
                    <div class="nr-meta">
                      <SiteTime date={line.createdAt} timeZone={props.timeZone} />
                    </div>
                  </td>
                  <td data-label={t('webhooks.event')} safe>
                    {isHookEvent(line.eventType) ? eventLabel(line.eventType) : line.eventType}
                  </td>
                  <td data-label={t('webhooks.result')}>
                    <DeliveryState line={line} timeZone={props.timeZone} />
                  </td>
                  <td data-label={t('webhooks.attempts')} safe>
                    {String(line.attempts)}
                  </td>
                  <td>
                    {line.status === 'pending' ? (
                      ''
                    ) : (
                      <PostButton
                        action={`/newsroom/webhooks/${hook.id}/deliveries/${line.id}/redeliver`}
                        csrfToken={csrf}
                        text={t('webhooks.redeliver')}
                        ariaLabel={t('webhooks.redeliverLabel', { id: line.id })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="nr-panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('webhooks.delete')}</h2>
        <p>{t('webhooks.deleteIntro')}</p>
        <PostButton
          action={`/newsroom/webhooks/${hook.id}/delete`}
          csrfToken={csrf}
          text={t('webhooks.delete')}
          isDanger
        />
      </section>
    </NewsroomLayout>
  );
}

function DeliveryState(props: { readonly line: DeliveryLine; readonly timeZone: string }): JSX.Element {
  const { line } = props;
  const detail = line.lastStatus !== null ? `HTTP ${line.lastStatus}` : (line.lastError ?? '');
  if (line.status === 'delivered') return <span safe>{t('webhooks.delivered', { detail })}</span>;
  if (line.status === 'skipped') return <span>{t('webhooks.skipped')}</span>;
  if (line.status === 'failed') {
    return <span safe>{t('webhooks.failed', { detail: line.lastError ?? detail })}</span>;
  }
  return (
    <span>
      {line.attempts === 0 ? (
        t('webhooks.queued')
      ) : (
        <span safe>{t('webhooks.retrying', { detail: line.lastError ?? detail })}</span>
      )}{' '}
      <SiteTime date={line.nextAttemptAt} timeZone={props.timeZone} />
    </span>
  );
}

function WebhookForm(props: {
  readonly action: string;
  readonly csrfToken: string;
  readonly values: WebhookFormValues;
  readonly problems?: readonly string[];
  readonly allowPrivate: boolean;
  readonly submit: string;
}): JSX.Element {
  const id = props.action.replace(/\W+/g, '-');
  return (
    <>
      <Problems problems={props.problems ?? []} />
      <form method="post" action={props.action} class="nr-form">
        <CsrfField token={props.csrfToken} />
        <div class="nr-field">
          <label for={`${id}-url`}>{t('webhooks.url')}</label>
          <input
            id={`${id}-url`}
            name="url"
            type="url"
            required
            maxlength="2000"
            autocomplete="off"
            value={props.values.url}
            aria-describedby={`${id}-url-hint`}
          />
          <p class="nr-hint" id={`${id}-url-hint`}>
            {props.allowPrivate ? t('webhooks.urlHintPrivateAllowed') : t('webhooks.urlHint')}
          </p>
        </div>
        <div class="nr-field">
          <label for={`${id}-description`}>{t('webhooks.description')}</label>
          <input
            id={`${id}-description`}
            name="description"
            type="text"
            maxlength="200"
            value={props.values.description}
          />
        </div>
        <fieldset class="nr-field">
          <legend>{t('webhooks.events')}</legend>
          {HOOK_EVENTS.map((event) => (
            <div class="nr-field nr-field-check">
              <input
                type="checkbox"
                id={`${id}-${event.replace('.', '-')}`}
                name="events"
                value={event}
                checked={props.values.events.includes(event)}
              />
              <label for={`${id}-${event.replace('.', '-')}`} safe>
                {eventLabel(event)}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="nr-field nr-field-check">
          <input type="checkbox" id={`${id}-active`} name="active" value="1" checked={props.values.active} />
          <label for={`${id}-active`}>{t('webhooks.active')}</label>
        </div>
        <div>
          <button type="submit" class="nr-button nr-button-primary" safe>
            {props.submit}
          </button>
        </div>
      </form>
    </>
  );
}

/** How a receiver checks a delivery. */
function SigningHelp(): JSX.Element {
  return (
    <section class="nr-panel" aria-labelledby="signing-heading">
      <h3 id="signing-heading">{t('webhooks.signingHeading')}</h3>
      <p>{t('webhooks.signingIntro')}</p>
      <pre>
        <code>{'Warta-Signature: t=1764651900,v1=5f0c…\nexpected = HMAC-SHA256(secret, t + "." + body)'}</code>
      </pre>
      <p>{t('webhooks.signingRetries')}</p>
    </section>
  );
}
