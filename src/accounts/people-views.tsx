// The people pages: everyone with an account, the form that adds a person, and one person's page
// (role and editions, deactivation, a new set-password link).
import type { Role } from '../core/db/schema.ts';
import {
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  newsroomText as t,
  type NewsroomKey,
  type NewsroomPage,
} from '../newsroom/index.ts';
import type { Person, SetPasswordLink } from './people-commands.ts';

const ROLE_LABELS: Readonly<Record<Role, NewsroomKey>> = {
  admin: 'people.role.admin',
  editor: 'people.role.editor',
  author: 'people.role.author',
  contributor: 'people.role.contributor',
  integrity_officer: 'people.role.integrity_officer',
};

/** A role's name in the interface. */
export function roleLabel(role: string): string {
  const key = ROLE_LABELS[role as Role];
  return key ? t(key) : role;
}

/** What the pages need to know of the site: roles, editions and how to write a time. */
export interface PeopleContext {
  readonly roles: readonly Role[];
  readonly editions: readonly {
    readonly code: string;
    readonly name: string;
    readonly locale: string;
    readonly direction: string;
  }[];
  readonly formatTime: (date: Date) => string;
}

/** The values of the role-and-editions fields (a person's, or what a form sent back). */
export interface AccessValues {
  readonly role: string;
  readonly editions: readonly string[];
}

function AccessFields(props: { people: PeopleContext; values: AccessValues; isSelf?: boolean }): JSX.Element {
  const { values } = props;
  return (
    <>
      <div class="nr-field">
        <label for="role">{t('people.role')}</label>
        {props.isSelf ? (
          <>
            <input type="hidden" name="role" value={values.role} />
            <select id="role" disabled aria-describedby="self-hint">
              <option selected safe>
                {roleLabel(values.role)}
              </option>
            </select>
            <p class="nr-hint" id="self-hint">
              {t('people.self')}
            </p>
          </>
        ) : (
          <select id="role" name="role">
            {props.people.roles.map((role) => (
              <option value={role} selected={role === values.role} safe>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        )}
      </div>
      <fieldset class="nr-field" aria-describedby="editions-hint">
        <legend>{t('people.editions')}</legend>
        {props.people.editions.map((e) => (
          <label class="nr-field-check">
            <input type="checkbox" name="editions" value={e.code} checked={values.editions.includes(e.code)} />
            <span>
              <span lang={e.locale} dir={e.direction} safe>
                {e.name}
              </span>{' '}
              <span safe>{`(${e.code.toUpperCase()})`}</span>
            </span>
          </label>
        ))}
        <p class="nr-hint" id="editions-hint">
          {t('people.editionsHint')}
        </p>
      </fieldset>
    </>
  );
}

function editionsText(person: Person): string {
  if (person.role === 'admin') return t('people.allEditions');
  return person.editions.length ? person.editions.map((e) => e.toUpperCase()).join(', ') : t('people.noEditions');
}

function lastSignInText(person: Person, people: PeopleContext): string {
  if (!person.hasPassword) return t('people.noPassword');
  return person.lastSignIn ? people.formatTime(person.lastSignIn) : t('people.never');
}

/** /newsroom/users: everyone, by name. */
export function PeopleListPage(props: {
  page: NewsroomPage;
  people: PeopleContext;
  persons: readonly Person[];
}): JSX.Element {
  return (
    <NewsroomLayout {...props.page} title={t('people.title')}>
      <h1>{t('people.title')}</h1>
      <p>
        <a class="nr-button nr-button-primary" href="/newsroom/users/new">
          {t('people.add')}
        </a>
      </p>
      <table class="nr-table">
        <caption>{t('people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.email')}</th>
            <th scope="col">{t('people.role')}</th>
            <th scope="col">{t('people.editions')}</th>
            <th scope="col">{t('people.twoFactor')}</th>
            <th scope="col">{t('people.status')}</th>
            <th scope="col">{t('people.lastSignIn')}</th>
          </tr>
        </thead>
        <tbody>
          {props.persons.map((p) => (
            <tr>
              <th scope="row">
                <a href={`/newsroom/users/${p.id}`} safe>
                  {p.name}
                </a>
              </th>
              <td safe>{p.email}</td>
              <td safe>{roleLabel(p.role)}</td>
              <td safe>{editionsText(p)}</td>
              <td>{p.twoFactorEnabled ? t('people.twoFactorOn') : t('people.twoFactorOff')}</td>
              <td>{p.isActive ? t('people.active') : t('people.inactive')}</td>
              <td safe>{lastSignInText(p, props.people)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  );
}

/** /newsroom/users/new: the form that adds a person. */
export function AddPersonPage(props: {
  page: NewsroomPage;
  people: PeopleContext;
  values?: AccessValues & { name: string; email: string };
  problems?: readonly string[];
}): JSX.Element {
  const staff = props.page.staff!;
  const values = props.values ?? { name: '', email: '', role: 'contributor', editions: [] };
  return (
    <NewsroomLayout {...props.page} title={t('people.add')}>
      <p>
        <a href="/newsroom/users">{t('people.back')}</a>
      </p>
      <h1>{t('people.add')}</h1>
      <p>{t('people.addIntro')}</p>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/newsroom/users" class="nr-form nr-panel">
        <CsrfField token={staff.csrfToken} />
        <div class="nr-field">
          <label for="name">{t('people.name')}</label>
          <input id="name" name="name" type="text" autocomplete="off" required maxlength="120" value={values.name} />
        </div>
        <div class="nr-field">
          <label for="email">{t('people.email')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="off"
            required
            maxlength="320"
            value={values.email}
          />
        </div>
        <AccessFields people={props.people} values={values} />
        <p>
          <button type="submit" class="nr-button nr-button-primary">
            {t('people.create')}
          </button>
        </p>
      </form>
    </NewsroomLayout>
  );
}

function LinkPanel(props: { person: Person; link: SetPasswordLink; people: PeopleContext }): JSX.Element {
  const { person, link } = props;
  return (
    <section class="nr-panel" aria-labelledby="link-heading">
      <h2 id="link-heading">{t('people.linkTitle')}</h2>
      <p safe>{t('people.linkIntro', { name: person.name, time: props.people.formatTime(link.expiresAt) })}</p>
      <div class="nr-field">
        <label for="set-password-link" safe>
          {t('people.linkLabel', { name: person.name })}
        </label>
        <input id="set-password-link" type="text" readonly value={link.url} />
      </div>
    </section>
  );
}

/** /newsroom/users/:id: one person. */
export function PersonPage(props: {
  page: NewsroomPage;
  people: PeopleContext;
  person: Person;
  /** What the access form sent back (after a refusal), else the person's own values. */
  values?: AccessValues;
  problems?: readonly string[];
  notice?: string;
  link?: SetPasswordLink;
}): JSX.Element {
  const { person } = props;
  const staff = props.page.staff!;
  const isSelf = staff.id === person.id;
  return (
    <NewsroomLayout {...props.page} title={person.name}>
      <p>
        <a href="/newsroom/users">{t('people.back')}</a>
      </p>
      <h1 safe>{person.name}</h1>
      <Notice text={props.notice} />
      <dl class="nr-panel nr-details">
        <div>
          <dt>{t('people.email')}</dt>
          <dd safe>{person.email}</dd>
        </div>
        <div>
          <dt>{t('people.status')}</dt>
          <dd>{person.isActive ? t('people.active') : t('people.inactive')}</dd>
        </div>
        <div>
          <dt>{t('people.twoFactor')}</dt>
          <dd>{person.twoFactorEnabled ? t('people.on') : t('people.off')}</dd>
        </div>
        <div>
          <dt>{t('people.lastSignIn')}</dt>
          <dd safe>{lastSignInText(person, props.people)}</dd>
        </div>
      </dl>
      {props.link ? <LinkPanel person={person} link={props.link} people={props.people} /> : ''}
      <section class="nr-panel" aria-labelledby="access-heading">
        <h2 id="access-heading">{t('people.access')}</h2>
        <Problems problems={props.problems ?? []} />
        <form method="post" action={`/newsroom/users/${person.id}`} class="nr-form">
          <CsrfField token={staff.csrfToken} />
          <AccessFields people={props.people} values={props.values ?? person} isSelf={isSelf} />
          <p>
            <button type="submit" class="nr-button nr-button-primary">
              {t('form.save')}
            </button>
          </p>
        </form>
      </section>
      <section class="nr-panel" aria-labelledby="active-heading">
        <h2 id="active-heading">{t('people.activeTitle')}</h2>
        {isSelf ? (
          <p>{t('people.self')}</p>
        ) : (
          <form
            method="post"
            action={`/newsroom/users/${person.id}/${person.isActive ? 'deactivate' : 'reactivate'}`}
            class="nr-form"
          >
            <CsrfField token={staff.csrfToken} />
            <p class="nr-hint">{person.isActive ? t('people.deactivateHint') : t('people.reactivateHint')}</p>
            <p>
              <button type="submit" class={person.isActive ? 'nr-button nr-button-danger' : 'nr-button'}>
                {person.isActive ? t('people.deactivate') : t('people.reactivate')}
              </button>
            </p>
          </form>
        )}
        {person.isActive && !isSelf && (
          <form method="post" action={`/newsroom/users/${person.id}/link`} class="nr-form">
            <CsrfField token={staff.csrfToken} />
            <p class="nr-hint">{t('people.newLinkHint')}</p>
            <p>
              <button type="submit" class="nr-button">
                {t('people.newLink')}
              </button>
            </p>
          </form>
        )}
      </section>
    </NewsroomLayout>
  );
}
