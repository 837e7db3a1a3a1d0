// The pages of two-step sign-in: the part of the account page, enrolment (QR code and key),
// managing it (new recovery codes, turning it off), the recovery codes shown once, and the code
// step of sign-in.
import type { Role } from '../core/db/schema.ts';
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  SettingsTabs,
  newsroomText as t,
  type NewsroomPage,
  type Staff,
} from '../newsroom/index.ts';

import { ENROLMENT_PATH, ROLES } from './two-factor-policy.ts';
import { RECOVERY_CODE_COUNT } from './two-factor.ts';

/** A user's two-step state, as the pages show it. */
export interface TwoFactorView {
  readonly isEnabled: boolean;
  /** The secret being enrolled (undefined before "Turn on", and once enrolment is done). */
  readonly enrolment?: { readonly safeQrSvg: string; readonly groupedKey: string };
  readonly unusedRecoveryCodes: number;
  /** Whether the user's role must use two-step sign-in. */
  readonly isRequired: boolean;
}

function StartForm(props: { staff: Staff; label: string; primary?: boolean }): JSX.Element {
  return (
    <form method="post" action={`${ENROLMENT_PATH}/start`} class="nr-form">
      <CsrfField token={props.staff.csrfToken} />
      <button type="submit" class={props.primary ? 'nr-button nr-button-primary' : 'nr-button'} safe>
        {props.label}
      </button>
    </form>
  );
}

function CodeField(props: { id: string; label: string; hint?: string; numeric?: boolean }): JSX.Element {
  return (
    <div class="nr-field">
      <label for={props.id} safe>
        {props.label}
      </label>
      <input
        id={props.id}
        name="code"
        type="text"
        inputmode={props.numeric ? 'numeric' : undefined}
        autocomplete="one-time-code"
        autocapitalize="off"
        spellcheck="false"
        required
        maxlength="20"
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
      {!!props.hint && (
        <p class="nr-hint" id={`${props.id}-hint`} safe>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** The account page's section: on or off, and the way to turn it on or manage it. */
export function TwoFactorSection(props: { staff: Staff; view: TwoFactorView; notice?: string }): JSX.Element {
  const { staff, view } = props;
  return (
    <section class="nr-panel" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('twoFactor.title')}</h2>
      <Notice text={props.notice} />
      {view.isEnabled ? (
        <>
          <p>{t('twoFactor.isOn')}</p>
          <p safe>{t('twoFactor.codesLeft', { count: view.unusedRecoveryCodes, total: RECOVERY_CODE_COUNT })}</p>
          <p>
            <a href={ENROLMENT_PATH}>{t('twoFactor.manage')}</a>
          </p>
        </>
      ) : (
        <>
          {view.isRequired ? <Notice text={t('twoFactor.required')} kind="error" /> : <p>{t('twoFactor.isOff')}</p>}
          <StartForm staff={staff} label={t('twoFactor.turnOn')} primary />
        </>
      )}
    </section>
  );
}

/** /newsroom/account/two-factor: the start, the enrolment, or managing it once it is on. */
export function TwoFactorPage(props: {
  page: NewsroomPage;
  view: TwoFactorView;
  problems?: readonly string[];
}): JSX.Element {
  const { view } = props;
  const staff = props.page.staff!;
  // The QR code's SVG, drawn by the qrcode package from our own otpauth URL.
  const safeQrSvg = view.enrolment?.safeQrSvg ?? '';
  return (
    <NewsroomLayout {...props.page} title={t('twoFactor.title')}>
      <div class="nr-narrow">
        <h1>{t('twoFactor.title')}</h1>
        {view.isRequired && !view.isEnabled && <Notice text={t('twoFactor.required')} kind="error" />}
        <Problems problems={props.problems ?? []} />
        {view.isEnabled ? (
          <ManageTwoFactor staff={staff} view={view} />
        ) : view.enrolment ? (
          <>
            <p>{t('twoFactor.scan')}</p>
            <div class="nr-qr">{safeQrSvg}</div>
            <p>
              {t('twoFactor.key')}: <code safe>{view.enrolment.groupedKey}</code>
            </p>
            <form method="post" action={`${ENROLMENT_PATH}/confirm`} class="nr-form">
              <CsrfField token={staff.csrfToken} />
              <CodeField id="code" label={t('twoFactor.firstCode')} hint={t('twoFactor.codeHint')} numeric />
              <button type="submit" class="nr-button nr-button-primary">
                {t('twoFactor.confirm')}
              </button>
            </form>
            <StartForm staff={staff} label={t('twoFactor.startAgain')} />
          </>
        ) : (
          <>
            <p>{t('twoFactor.intro')}</p>
            <StartForm staff={staff} label={t('twoFactor.turnOn')} primary />
          </>
        )}
      </div>
    </NewsroomLayout>
  );
}

function ManageTwoFactor(props: { staff: Staff; view: TwoFactorView }): JSX.Element {
  const { staff, view } = props;
  return (
    <>
      <p>{t('twoFactor.isOn')}</p>
      <p safe>{t('twoFactor.codesLeft', { count: view.unusedRecoveryCodes, total: RECOVERY_CODE_COUNT })}</p>
      <section class="nr-panel" aria-labelledby="regenerate-heading">
        <h2 id="regenerate-heading">{t('twoFactor.regenerate')}</h2>
        <p>{t('twoFactor.regenerateIntro')}</p>
        <form method="post" action={`${ENROLMENT_PATH}/recovery-codes`} class="nr-form">
          <CsrfField token={staff.csrfToken} />
          <CodeField id="regenerate-code" label={t('twoFactor.code')} />
          <button type="submit" class="nr-button">
            {t('twoFactor.regenerateSubmit')}
          </button>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="turn-off-heading">
        <h2 id="turn-off-heading">{t('twoFactor.turnOff')}</h2>
        {view.isRequired ? (
          <p>{t('twoFactor.cannotTurnOff')}</p>
        ) : (
          <>
            <p>{t('twoFactor.turnOffIntro')}</p>
            <form method="post" action={`${ENROLMENT_PATH}/off`} class="nr-form">
              <CsrfField token={staff.csrfToken} />
              <input type="text" name="username" autocomplete="username" value={staff.email} hidden />
              <div class="nr-field">
                <label for="off-password">{t('account.currentPassword')}</label>
                <input id="off-password" name="password" type="password" autocomplete="current-password" required />
              </div>
              <CodeField id="off-code" label={t('twoFactor.code')} />
              <button type="submit" class="nr-button nr-button-danger">
                {t('twoFactor.turnOff')}
              </button>
            </form>
          </>
        )}
      </section>
    </>
  );
}

/** The new recovery codes, shown once (after enrolment, or after making new ones). */
export function RecoveryCodesPage(props: {
  page: NewsroomPage;
  codes: readonly string[];
  notice?: string;
}): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('twoFactor.recoveryTitle')}>
      <div class="nr-narrow">
        <h1>{t('twoFactor.recoveryTitle')}</h1>
        <Notice text={props.notice} />
        <p>{t('twoFactor.recoveryIntro')}</p>
        <ul class="nr-list" aria-label={t('twoFactor.recoveryList')}>
          {props.codes.map((code) => (
            <li>
              <code safe>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a href="/newsroom/account" class="nr-button nr-button-primary">
            {t('twoFactor.recoverySaved')}
          </a>
        </p>
      </div>
    </NewsroomLayout>
  );
}

/** /newsroom/sign-in/code: the second step of sign-in. */
export function SignInCodePage(props: {
  page: NewsroomPage;
  csrfToken: string;
  next: string;
  error?: string;
}): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('signInCode.title')}>
      <div class="nr-narrow">
        <h1>{t('signInCode.title')}</h1>
        {!!props.error && (
          <p class="nr-notice nr-notice-error" role="alert" safe>
            {props.error}
          </p>
        )}
        <p safe>{t('signInCode.intro', { site: props.page.siteName })}</p>
        <form method="post" action="/newsroom/sign-in/code" class="nr-form">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <CodeField id="code" label={t('signInCode.code')} hint={t('signInCode.recoveryHint')} />
          <button type="submit" class="nr-button nr-button-primary">
            {t('signInCode.submit')}
          </button>
        </form>
        <form method="post" action="/newsroom/sign-out">
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="nr-link-button">
            {t('signInCode.other')}
          </button>
        </form>
      </div>
    </NewsroomLayout>
  );
}

/** /newsroom/settings/security: the roles that must use two-step sign-in. */
export function SecuritySettingsPage(props: {
  page: NewsroomPage;
  roles: ReadonlySet<Role>;
  notice?: string;
}): JSX.Element {
  const staff = props.page.staff!;
  return (
    <NewsroomLayout {...props.page} title={t('security.title')}>
      <h1>{t('settings.title')}</h1>
      <SettingsTabs current="security" />
      <div class="nr-panel nr-settings">
        <Notice text={props.notice} />
        <form method="post" action="/newsroom/settings/security" class="nr-form">
          <CsrfField token={staff.csrfToken} />
          <fieldset class="nr-field" aria-describedby="two-factor-roles-hint">
            <legend>{t('security.twoFactorRoles')}</legend>
            <p class="nr-hint" id="two-factor-roles-hint">
              {t('security.twoFactorRolesHint')}
            </p>
            {ROLES.map((role) => (
              <div>
                <input
                  type="checkbox"
                  id={`role-${role}`}
                  name="twoFactorRoles"
                  value={role}
                  checked={props.roles.has(role)}
                />{' '}
                <label for={`role-${role}`}>{t(`security.role.${role}`)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="nr-button nr-button-primary">
            {t('form.save')}
          </button>
        </form>
      </div>
    </NewsroomLayout>
  );
}
