/** The room's chat: history from `joined` plus every message since, oldest first, without duplicates. */
import { Emitter } from '../emitter.js';
import type { ChatMessage, RtcClientEvents } from '../types.js';

export type ChatHistoryEvents = Pick<RtcClientEvents, 'message'>;

export class ChatHistory extends Emitter<ChatHistoryEvents> {
  #messages: readonly ChatMessage[] = [];
  #more = false;

  /** A new array on every change. */
  get messages(): readonly ChatMessage[] { return this.#messages; }
  /** The server holds messages older than the first of `messages`. */
  get hasEarlier(): boolean { return this.#more; }
  /** The id to page back from. */
  get oldestId(): string | undefined { return this.#messages[0]?.id; }

  /** A page of older messages (or the history of a `joined`); `more`: still older ones exist. Not announced. */
  addEarlier(messages: readonly ChatMessage[], more: boolean): void {
    // Before what we have, in the server's order: messages sent in the same millisecond tie on `ts`.
    const known = new Set(this.#messages.map((m) => m.id));
    this.#messages = [...messages.filter((m) => !known.has(m.id)), ...this.#messages];
    this.#more = more;
  }

  /** Keep a message unless we have it already; `local`: ours. History from the first join is not announced (read `messages`). */
  add(message: ChatMessage, local: boolean, announce = true): void {
    if (this.#messages.some((m) => m.id === message.id)) return;
    this.#messages = [...this.#messages, message].sort((a, b) => a.ts - b.ts);
    if (announce) this.emit('message', { message, local });
  }
}
