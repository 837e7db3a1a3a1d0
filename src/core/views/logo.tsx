// The station mark: a radio wave over a globe, drawn inline so it needs no request.
export function Logo(): JSX.Element {
  return (
    <svg class="logo__mark" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path
        d="M10 30c4-6 8-6 12 0s8 6 12 0 6-5 6-5"
        fill="none"
        stroke="#fff"
        stroke-width="3"
        stroke-linecap="round"
      />
      <path
        d="M10 21c4-6 8-6 12 0s8 6 12 0 6-5 6-5"
        fill="none"
        stroke="#fff"
        stroke-width="3"
        stroke-linecap="round"
        opacity=".6"
      />
      <circle cx="24" cy="24" r="20.5" fill="none" stroke="#fff" stroke-width="1.5" opacity=".35" />
    </svg>
  );
}
