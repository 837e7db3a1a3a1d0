// The head of a newsroom table: one column heading a label.
/** `<thead>` with a `<th scope="col">` for each label, in order. */
export function ColumnHeads(props: { labels: readonly string[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {props.labels.map((label) => (
          <th scope="col" safe>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
