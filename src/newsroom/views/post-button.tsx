// A button that is a whole form: one click posts to its address (with the form token), as
// "Remove" and "End now" do in a list.
import { CsrfField } from '../layout.tsx';

/** A form of one submit button posting to `action`; `ariaLabel` names what it acts on, where the list needs it. */
export function PostButton(props: {
  action: string;
  csrfToken: string;
  text: string;
  ariaLabel?: string;
  isDanger?: boolean;
}): JSX.Element {
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrfToken} />
      <button
        type="submit"
        class={props.isDanger ? 'nr-button nr-button-danger' : 'nr-button'}
        aria-label={props.ariaLabel}
        safe
      >
        {props.text}
      </button>
    </form>
  );
}
