// The facts the document library records: a document added or changed (its text, its file, its
// publication), and a document deleted. Ids and codes only.

/** Which document, in which edition. */
export interface DocumentFact {
  readonly documentId: number;
  readonly edition: string;
}

declare module '../../core/events/types.ts' {
  interface DomainEvents {
    /** A document was added, edited, given a new file, published or withdrawn. */
    'integrity.document_saved': DocumentFact;
    /** A document and its file are gone. */
    'integrity.document_deleted': DocumentFact;
  }
}

/** Every document event: each changes what the edition's library shows. */
export const DOCUMENT_EVENTS = ['integrity.document_saved', 'integrity.document_deleted'] as const;
