// /newsroom/api-keys: the keys (whose, what they may do, when last used), the form that makes
// one, and the page that shows a new key once. Administrators only.
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
import { SCOPES, type Scope } from './model.ts';
import type { ListedKey } from './queries.ts';

/** The form's fields as posted (shown again with the problems). */
export interface KeyFormValues {
  readonly name: string;
  readonly userId: string;
  readonly scopes: readonly string[];
}

function scopeLabel(scope: Scope): string {
  return t(`apiKeys.scope.${scope}`);
}

export function ApiKeysPage(props: {
  readonly page: NewsroomPage;
  readonly keys: readonly ListedKey[];
  readonly holders: readonly { id: number; name: string; role: string }[];
  readonly timeZone: string;
  readonly values?: KeyFormValues;
  readonly problems?: readonly string[];
  readonly notice?: string;
  /** A key just made: shown this once. */
  readonly newKey?: { readonly name: string; readonly key: string };
}): JSX.Element {
  const title = t('apiKeys.title');
  const csrf = props.page.staff!.csrfToken;
  const values = props.values ?? { name: '', userId: '', scopes: [] };
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1>{t('settings.title')}</h1>
      <SettingsTabs current="apiKeys" />
      <h2>{title}</h2>
      <p>
        {t('apiKeys.intro')} <a href="/api/v1/docs">{t('apiKeys.reference')}</a>
      </p>
      <Notice text={props.notice} />
      {props.newKey ? (
        <section class="nr-panel nr-new-key" aria-labelledby="new-key-heading">
          <h3 id="new-key-heading" safe>
            {t('apiKeys.newKeyHeading', { name: props.newKey.name })}
          </h3>
          <p>{t('apiKeys.newKeyOnce')}</p>
          <p>
            <code class="nr-break" safe>
              {props.newKey.key}
            </code>
          </p>
          <p class="nr-meta">{t('apiKeys.newKeyUse')}</p>
        </section>
      ) : (
        ''
      )}
      <section class="nr-panel" aria-labelledby="keys-heading">
        <h3 id="keys-heading">{t('apiKeys.listHeading')}</h3>
        {props.keys.length === 0 ? (
          <p>{t('apiKeys.none')}</p>
        ) : (
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t('apiKeys.name')}</th>
                <th scope="col">{t('apiKeys.user')}</th>
                <th scope="col">{t('apiKeys.scopes')}</th>
                <th scope="col">{t('apiKeys.lastUsed')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('apiKeys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.keys.map((key) => (
                <tr>
                  <td>
                    <strong safe>{key.name}</strong>
                    <div class="nr-meta">
                      <code safe>{key.prefix}…</code>
                    </div>
                  </td>
                  <td data-label={t('apiKeys.user')} safe>
                    {`${key.userName} (${key.userRole})`}
                  </td>
                  <td data-label={t('apiKeys.scopes')} safe>
                    {key.scopes.length === 0 ? t('apiKeys.readOnly') : key.scopes.map(scopeLabel).join(', ')}
                  </td>
                  <td data-label={t('apiKeys.lastUsed')}>
                    {key.lastUsedAt ? <SiteTime date={key.lastUsedAt} timeZone={props.timeZone} /> : t('apiKeys.never')}
                  </td>
                  <td>
                    {key.revokedAt ? (
                      <span>
                        {t('apiKeys.revokedOn')} <SiteTime date={key.revokedAt} timeZone={props.timeZone} />
                      </span>
                    ) : (
                      <PostButton
                        action={`/newsroom/api-keys/${key.id}/revoke`}
                        csrfToken={csrf}
                        text={t('apiKeys.revoke')}
                        ariaLabel={t('apiKeys.revokeLabel', { name: key.name })}
                        isDanger
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="nr-panel" aria-labelledby="add-key-heading">
        <h3 id="add-key-heading">{t('apiKeys.add')}</h3>
        <Problems problems={props.problems ?? []} />
        <form method="post" action="/newsroom/api-keys" class="nr-form">
          <CsrfField token={csrf} />
          <div class="nr-field">
            <label for="key-name">{t('apiKeys.name')}</label>
            <input
              id="key-name"
              name="name"
              type="text"
              required
              maxlength="100"
              value={values.name}
              aria-describedby="key-name-hint"
            />
            <p class="nr-hint" id="key-name-hint">
              {t('apiKeys.nameHint')}
            </p>
          </div>
          <div class="nr-field">
            <label for="key-user">{t('apiKeys.user')}</label>
            <select id="key-user" name="userId" required aria-describedby="key-user-hint">
              <option value="">{t('apiKeys.chooseUser')}</option>
              {props.holders.map((h) => (
                <option value={String(h.id)} selected={String(h.id) === values.userId} safe>
                  {`${h.name} (${h.role})`}
                </option>
              ))}
            </select>
            <p class="nr-hint" id="key-user-hint">
              {t('apiKeys.userHint')}
            </p>
          </div>
          <fieldset class="nr-field">
            <legend>{t('apiKeys.scopes')}</legend>
            <p class="nr-hint">{t('apiKeys.scopesHint')}</p>
            {SCOPES.map((scope) => (
              <div class="nr-field nr-field-check">
                <input
                  type="checkbox"
                  id={`scope-${scope.replace(':', '-')}`}
                  name="scopes"
                  value={scope}
                  checked={values.scopes.includes(scope)}
                />
                <label for={`scope-${scope.replace(':', '-')}`} safe>
                  {scopeLabel(scope)}
                </label>
              </div>
            ))}
          </fieldset>
          <div>
            <button type="submit" class="nr-button nr-button-primary">
              {t('apiKeys.addSubmit')}
            </button>
          </div>
        </form>
      </section>
    </NewsroomLayout>
  );
}
