// Webhooks: other systems told of published stories, episodes and banners, signed and retried.
export { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook, type WebhookInput } from './commands.ts';
export { HOOK_EVENTS, type HookEvent, type Webhook } from './model.ts';
export { SIGNATURE_HEADER, verifySignature } from './signing.ts';
export { WEBHOOK_EVENTS } from './events.ts';
