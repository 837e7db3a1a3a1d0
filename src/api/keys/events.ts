// The facts the API key pages record: ids only (never a key or its hash).
export interface ApiKeyFact {
  readonly apiKeyId: number;
  /** The user the key acts as. */
  readonly userId: number;
}

declare module '../../core/events/types.ts' {
  interface DomainEvents {
    'api_key.created': ApiKeyFact;
    'api_key.revoked': ApiKeyFact;
  }
}

export const API_KEY_EVENTS = ['api_key.created', 'api_key.revoked'] as const;
