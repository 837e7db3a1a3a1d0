// Reading posted radio forms: text fields, repeated fields (checkboxes), ids, and problems kept
// by the field they belong to, so each shows beside its field and in the list above the form.

/** Problems by field id ('form' for those of no one field), in the order found. */
export type FieldProblems = Map<string, string[]>;

/** A text field of a posted form ('' when missing or not text; the first of repeated ones). */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes of one name). */
export function fields(body: unknown, name: string): string[] {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Whether a checkbox was ticked. */
export function checked(body: unknown, name: string): boolean {
  return field(body, name) !== '';
}

/** A positive id from a route parameter or a form, else undefined. */
export function idOf(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) && Number(value) < 2 ** 31 ? Number(value) : undefined;
}

/** Adds a problem to a field. */
export function addProblem(problems: FieldProblems, fieldId: string, text: string): void {
  problems.set(fieldId, [...(problems.get(fieldId) ?? []), text]);
}

/** Every problem, in field order, for the list above a form. */
export function allProblems(problems: FieldProblems): { fieldId: string; text: string }[] {
  return [...problems].flatMap(([fieldId, texts]) => texts.map((text) => ({ fieldId, text })));
}

/**
 * A command's problems ("slug: … is taken", "streams.1.url: …") put by their fields: `fieldFor`
 * names the field id of a problem's path, or undefined for the form as a whole.
 */
export function commandProblems(
  lines: readonly string[],
  fieldFor: (path: string) => string | undefined,
): FieldProblems {
  const problems: FieldProblems = new Map();
  for (const line of lines) {
    const at = line.indexOf(': ');
    const path = at > 0 ? line.slice(0, at) : '';
    const fieldId = fieldFor(path);
    addProblem(problems, fieldId ?? 'form', fieldId ? line.slice(at + 2) : line);
  }
  return problems;
}
