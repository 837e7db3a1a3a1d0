// The facts the webhooks domain records: hooks added, changed, removed. Ids only (no URL, no
// secret: the outbox is not a place for them).
export interface WebhookFact {
  readonly webhookId: number;
}

declare module '../core/events/types.ts' {
  interface DomainEvents {
    'webhook.created': WebhookFact;
    /** Its URL, description, events, or on/off changed. */
    'webhook.updated': WebhookFact;
    /** Its secret was replaced: receivers need the new one. */
    'webhook.secret_rotated': WebhookFact;
    'webhook.deleted': WebhookFact;
  }
}

export const WEBHOOK_EVENTS = [
  'webhook.created',
  'webhook.updated',
  'webhook.secret_rotated',
  'webhook.deleted',
] as const;
