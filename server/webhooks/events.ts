/**
 * What a webhook receiver gets: one JSON object per POST. The hub's event (server/hub/hub-events.ts)
 * with an id (to de-duplicate: a retried delivery has the same id), a sequence number (to order)
 * and the time it happened.
 */
import type { HubEvent } from '../hub/hub-events.js';

export type {
  HubEventType as WebhookEventType, ParticipantJoinedEvent, ParticipantLeftEvent, ParticipantLeftReason,
  RecordingReadyEvent, RoomEndReason, RoomEndedEvent, RoomStartedEvent,
} from '../hub/hub-events.js';

export type WebhookEvent = HubEvent & {
  /** `evt_` and 20 random characters; the same on every retry of this event. */
  id: string;
  /** Grows with every event this server sends, across restarts (it starts from the clock in microseconds). */
  seq: number;
  /** When it happened, ms since the epoch. */
  createdAt: number;
};
