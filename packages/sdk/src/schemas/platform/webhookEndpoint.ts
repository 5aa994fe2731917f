import * as z from 'zod/mini';
import {
  isWellFormedText,
  ListParams,
  listOf,
  MAX_URL_LENGTH,
  prefixedId,
  safeString,
  Timestamp,
} from '../common';

/**
 * An event filter of a webhook endpoint: an exact event type (`product.created`), every event of
 * a resource (`product.*`) or every event (`*`).
 */
export const WebhookEventFilter = safeString(
  z.maxLength(100),
  z.regex(
    /^(?:\*|[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?:\.\*)?)$/,
    'must be an event type (product.created), a prefix (product.*) or *',
  ),
);

/** Whether an endpoint receives deliveries; `disabled` ones keep their history but receive nothing. */
export const WebhookEndpointStatus = z.enum(['enabled', 'disabled']);
export type WebhookEndpointStatus = z.infer<typeof WebhookEndpointStatus>;

/**
 * Where deliveries are sent: an `https:` URL without credentials, at most {@link MAX_URL_LENGTH}
 * characters. The server also refuses private, loopback, link-local and metadata addresses (and
 * `http:`) unless its operator allows private receivers.
 */
export const WebhookUrl = z.url().check(
  z.maxLength(MAX_URL_LENGTH),
  z.check<string>((ctx) => {
    if (!isWellFormedText(ctx.value)) {
      ctx.issues.push({
        code: 'invalid_format',
        format: 'url',
        input: ctx.value,
        message: 'must not contain control characters',
      });
      return;
    }
    let url: URL;
    try {
      url = new URL(ctx.value);
    } catch {
      return; // z.url() has reported it already
    }
    let message: string | undefined;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') message = 'must be an https: URL';
    else if (url.username || url.password) message = 'must not carry a user name or password';
    else if (!url.hostname) message = 'must name a host';
    if (message) ctx.issues.push({ code: 'invalid_format', format: 'url', input: ctx.value, message });
  }),
);

/** A webhook endpoint: where the tenant's events are POSTed, signed with its secret. */
export const WebhookEndpoint = z.strictObject({
  id: prefixedId('we'),
  object: z.literal('webhook_endpoint'),
  url: z.string(),
  description: z.string(),
  /** The event filters: exact types, `resource.*` prefixes, or `*`. */
  enabledEvents: z.array(z.string()),
  status: WebhookEndpointStatus,
  /** Why the endpoint is disabled (set when it was disabled after repeated failure, or by a user). */
  disabledReason: z.nullable(z.string()),
  /** The first characters of the current secret (`whsec_4f9a…`), to recognise it. */
  secretPrefix: z.string(),
  /** Until when the secret replaced by the last rotation still signs deliveries too; `null` when none does. */
  previousSecretExpiresAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** An endpoint with its signing secret: answered only at creation and at rotation. */
export const WebhookEndpointWithSecret = z.strictObject({
  ...WebhookEndpoint.shape,
  /** `whsec_…`: verify deliveries with it (`client.webhooks.verify`). Shown this once. */
  secret: z.string(),
});
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

const Description = safeString(z.maxLength(500));
const EnabledEvents = z.array(WebhookEventFilter).check(z.minLength(1), z.maxLength(50));

/** Body of `POST /v1/platform/webhook-endpoints`. */
export const WebhookEndpointCreate = z.strictObject({
  url: WebhookUrl,
  description: z.optional(Description),
  /** At least one filter: `product.created`, `product.*` or `*`. */
  enabledEvents: EnabledEvents,
});
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreate>;

/** Body of `PATCH /v1/platform/webhook-endpoints/:id`. Enabling an endpoint clears its disabled reason. */
export const WebhookEndpointUpdate = z.strictObject({
  url: z.optional(WebhookUrl),
  description: z.optional(Description),
  enabledEvents: z.optional(EnabledEvents),
  status: z.optional(WebhookEndpointStatus),
});
export type WebhookEndpointUpdate = z.input<typeof WebhookEndpointUpdate>;

/** Body of `POST /v1/platform/webhook-endpoints/:id/rotate-secret`. */
export const WebhookSecretRotate = z.strictObject({
  /**
   * How long the replaced secret keeps signing beside the new one, in seconds: 0 (at once) to
   * 604,800 (7 days). Defaults to 86,400 (24 hours).
   */
  expiresInSeconds: z.optional(z.int().check(z.minimum(0), z.maximum(604_800))),
});
export type WebhookSecretRotate = z.input<typeof WebhookSecretRotate>;

/** A page of webhook endpoints. */
export const WebhookEndpointList = listOf(WebhookEndpoint);

/** The answer of `DELETE /v1/platform/webhook-endpoints/:id`: its pending deliveries are dropped. */
export const DeletedWebhookEndpoint = z.strictObject({
  id: z.string(),
  object: z.literal('webhook_endpoint'),
  deleted: z.literal(true),
});
export type DeletedWebhookEndpoint = z.infer<typeof DeletedWebhookEndpoint>;

/** The longest response excerpt an attempt keeps, in characters. */
export const WEBHOOK_RESPONSE_EXCERPT_LENGTH = 1000;

/** One attempt to send a delivery: what the receiver answered, or why nothing was answered. */
export const WebhookAttempt = z.strictObject({
  attemptedAt: Timestamp,
  /** The receiver's HTTP status; `null` when none came (timeout, refused connection, refused address). */
  statusCode: z.nullable(z.int()),
  durationMs: z.int(),
  /** The start of the response body (at most {@link WEBHOOK_RESPONSE_EXCERPT_LENGTH} characters). */
  responseExcerpt: z.nullable(z.string()),
  /** What went wrong without a response (`timeout after 10000 ms`, `address refused: 10.0.0.1 is private`). */
  error: z.nullable(z.string()),
  succeeded: z.boolean(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

/** Where a delivery stands: waiting for its next attempt, delivered (2xx), or given up. */
export const WebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

/** One event sent (or to be sent) to one endpoint, with its latest attempts. */
export const WebhookDelivery = z.strictObject({
  id: prefixedId('whd'),
  object: z.literal('webhook_delivery'),
  endpointId: z.string(),
  /** The event's id: receivers deduplicate on it (it is also the `AgentStack-Event-Id` header). */
  eventId: z.string(),
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  /** Attempts made so far (replays included). */
  attemptCount: z.int(),
  /** When the next attempt is due; `null` unless pending. */
  nextAttemptAt: z.nullable(Timestamp),
  /** The latest attempts, newest first (at most 10). */
  attempts: z.array(WebhookAttempt),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** A page of deliveries, newest first. */
export const WebhookDeliveryList = listOf(WebhookDelivery);

/** Query of `GET /v1/platform/webhook-endpoints/:id/deliveries`. */
export const WebhookDeliveryListParams = z.strictObject({
  ...ListParams.shape,
  status: z.optional(WebhookDeliveryStatus),
});
export type WebhookDeliveryListParams = z.input<typeof WebhookDeliveryListParams>;

/** Body of `POST /v1/platform/webhook-endpoints/:id/deliveries/replay`. */
export const WebhookReplay = z.strictObject({
  /** Which deliveries: `failed` ones (the default) or every one, created at or after `since`. */
  status: z.optional(z.enum(['failed', 'all'])),
  since: Timestamp,
});
export type WebhookReplay = z.input<typeof WebhookReplay>;

/** The answer of a replay of many deliveries: how many were queued again (at most 1,000 a call). */
export const WebhookReplayResult = z.strictObject({
  object: z.literal('webhook_replay'),
  replayed: z.int(),
});
export type WebhookReplayResult = z.infer<typeof WebhookReplayResult>;
