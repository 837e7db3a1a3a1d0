// The password reset pages: asking for a link, choosing the new password, a link that no longer works.
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomPage,
} from '../newsroom/index.ts';
import { MIN_PASSWORD_LENGTH } from '../users/index.ts';

/** The "forgot your password" page: the e-mail form, or (without SMTP) where to turn instead. */
export function RequestResetPage(props: {
  page: NewsroomPage;
  formToken: string;
  canSendMail: boolean;
  email?: string;
  notice?: string;
  error?: string;
  problems?: readonly string[];
}): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('reset.title')}>
      <div class="nr-narrow">
        <h1>{t('reset.title')}</h1>
        <Notice text={props.notice} />
        <Notice text={props.error} kind="error" />
        {props.canSendMail ? (
          <>
            <p>{t('reset.intro')}</p>
            <Problems problems={props.problems ?? []} />
            <form method="post" action="/newsroom/password-reset" class="nr-form">
              <CsrfField token={props.formToken} />
              <div class="nr-field">
                <label for="email">{t('signIn.email')}</label>
                <input
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="username"
                  required
                  maxlength="320"
                  value={props.email ?? ''}
                />
              </div>
              <button type="submit" class="nr-button nr-button-primary">
                {t('reset.submit')}
              </button>
            </form>
          </>
        ) : (
          <p>{t('reset.noMail')}</p>
        )}
        <p>
          <a href="/newsroom/sign-in">{t('reset.backToSignIn')}</a>
        </p>
      </div>
    </NewsroomLayout>
  );
}

/** The page a reset link opens: the new password, twice. */
export function NewPasswordPage(props: {
  page: NewsroomPage;
  formToken: string;
  /** Where the form posts: the link's own address. */
  action: string;
  email: string;
  problems?: readonly string[];
}): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('reset.newTitle')}>
      <div class="nr-narrow">
        <h1>{t('reset.newTitle')}</h1>
        <p safe>{t('reset.newIntro', { email: props.email })}</p>
        <Problems problems={props.problems ?? []} />
        <form method="post" action={props.action} class="nr-form">
          <CsrfField token={props.formToken} />
          {/* For password managers: which account the new password belongs to. */}
          <input type="text" name="username" autocomplete="username" value={props.email} hidden />
          <div class="nr-field">
            <label for="password">{t('account.newPassword')}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minlength={String(MIN_PASSWORD_LENGTH)}
              aria-describedby="password-hint"
              autofocus
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
            {t('reset.newSubmit')}
          </button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** A used, expired, voided or unknown link: one page for all of them. */
export function InvalidResetLinkPage(props: { page: NewsroomPage }): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('reset.invalidTitle')}>
      <div class="nr-narrow">
        <h1>{t('reset.invalidTitle')}</h1>
        <p>{t('reset.invalid')}</p>
        <p>
          <a href="/newsroom/password-reset" class="nr-button">
            {t('reset.askAgain')}
          </a>
        </p>
      </div>
    </NewsroomLayout>
  );
}
