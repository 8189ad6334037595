/** The room's chat: history from `joined` plus every message since, oldest first, without duplicates. */
import { Emitter } from '../emitter.js';
import type { ChatMessage, RtcClientEvents } from '../types.js';

export type ChatHistoryEvents = Pick<RtcClientEvents, 'message'>;

export class ChatHistory extends Emitter<ChatHistoryEvents> {
  #messages: readonly ChatMessage[] = [];

  /** A new array on every change. */
  get messages(): readonly ChatMessage[] { return this.#messages; }

  /** Keep a message unless we have it already; `local`: ours. History from the first join is not announced (read `messages`). */
  add(message: ChatMessage, local: boolean, announce = true): void {
    if (this.#messages.some((m) => m.id === message.id)) return;
    this.#messages = [...this.#messages, message].sort((a, b) => a.ts - b.ts);
    if (announce) this.emit('message', { message, local });
  }
}
