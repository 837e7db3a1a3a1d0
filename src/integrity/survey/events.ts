// The facts the survey records: its questionnaire changed (an element added, renamed, moved,
// switched on or off), and a response stored. Ids and codes only: never a score or a comment.

declare module '../../core/events/types.ts' {
  interface DomainEvents {
    /** An edition's questionnaire changed. */
    'integrity.survey_changed': { readonly edition: string };
    /** A visitor's response was stored (its period is what the results page shows). */
    'integrity.survey_answered': { readonly responseId: number; readonly edition: string };
  }
}

/** Every survey event: each changes what the edition's results page shows. */
export const SURVEY_EVENTS = ['integrity.survey_changed', 'integrity.survey_answered'] as const;
