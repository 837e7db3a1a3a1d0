// The accounts pages: sign-in, the one-time setup, the user's own account.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
} from '../newsroom/index.ts';
import { MIN_PASSWORD_LENGTH } from '../users/index.ts';

export function SignInPage(props: {
  page: NewsroomPage;
  formToken: string;
  email?: string;
  next?: string;
  error?: string;
  notice?: string;
}): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('signIn.title')}>
      <div class="nr-narrow">
        <h1>{t('signIn.title')}</h1>
        <Notice text={props.notice} />
        {!!props.error && (
          <p class="nr-notice nr-notice-error" role="alert" safe>
            {props.error}
          </p>
        )}
        <form method="post" action="/newsroom/sign-in" class="nr-form">
          <CsrfField token={props.formToken} />
          {!!props.next && <input type="hidden" name="next" value={props.next} />}
          <div class="nr-field">
            <label for="email">{t('signIn.email')}</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              required
              value={props.email ?? ''}
              autofocus
            />
          </div>
          <div class="nr-field">
            <label for="password">{t('signIn.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit" class="nr-button nr-button-primary">
            {t('signIn.submit')}
          </button>
        </form>
        <p>
          <a class="nr-solo-link" href="/newsroom/password-reset">
            {t('signIn.forgot')}
          </a>
        </p>
      </div>
    </NewsroomLayout>
  );
}

export function SetupPage(props: {
  page: NewsroomPage;
  formToken: string;
  values?: { email?: string; name?: string };
  problems?: readonly string[];
}): JSX.Element {
  const v = props.values ?? {};
  return (
    <NewsroomLayout {...props.page} title={t('setup.title')}>
      <div class="nr-narrow">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <Problems problems={props.problems ?? []} />
        <form method="post" action="/newsroom/setup" class="nr-form">
          <CsrfField token={props.formToken} />
          <div class="nr-field">
            <label for="name">{t('setup.name')}</label>
            <input
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              required
              maxlength="120"
              value={v.name ?? ''}
            />
          </div>
          <div class="nr-field">
            <label for="email">{t('signIn.email')}</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={v.email ?? ''} />
          </div>
          <div class="nr-field">
            <label for="password">{t('signIn.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minlength={String(MIN_PASSWORD_LENGTH)}
              aria-describedby="password-hint"
            />
            <p class="nr-hint" id="password-hint" safe>
              {t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            </p>
          </div>
          <div class="nr-field">
            <label for="password2">{t('setup.passwordAgain')}</label>
            <input id="password2" name="password2" type="password" autocomplete="new-password" required />
          </div>
          <button type="submit" class="nr-button nr-button-primary">
            {t('setup.submit')}
          </button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

export function AccountPage(props: {
  page: NewsroomPage;
  notice?: string;
  problems?: readonly string[];
  /** Parts other modules add (two-factor sign-in), rendered by them. */
  safeExtra?: JSX.Element;
}): JSX.Element {
  const staff = props.page.staff!;
  const safeExtra = props.safeExtra ?? '';
  return (
    <NewsroomLayout {...props.page} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      <p safe>{`${staff.displayName} · ${staff.email} · ${staff.role}`}</p>
      <Notice text={props.notice} />
      <section class="nr-panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.password')}</h2>
        <Problems problems={props.problems ?? []} />
        <form method="post" action="/newsroom/account/password" class="nr-form">
          <CsrfField token={staff.csrfToken} />
          <input type="text" name="username" autocomplete="username" value={staff.email} hidden />
          <div class="nr-field">
            <label for="current">{t('account.currentPassword')}</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required />
          </div>
          <div class="nr-field">
            <label for="password">{t('account.newPassword')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minlength={String(MIN_PASSWORD_LENGTH)}
              aria-describedby="new-password-hint"
            />
            <p class="nr-hint" id="new-password-hint" safe>
              {t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            </p>
          </div>
          <button type="submit" class="nr-button">
            {t('form.save')}
          </button>
        </form>
      </section>
      {safeExtra}
    </NewsroomLayout>
  );
}
