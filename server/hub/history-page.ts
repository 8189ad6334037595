import type { ChatMessage } from '../../protocol/model.js';

export interface PageRequest {
  /** Only messages older than the one with this id; default: from the newest. An id no longer stored means nothing older is. */
  before?: string;
  limit: number;
  /** JSON bytes of the page at most; one message always fits, so paging always moves on. */
  maxBytes: number;
}

/**
 * The newest messages of `messages` (oldest first) that fit the request, oldest first, and whether
 * older ones remain. A re-join costs at most `maxBytes`, however long the history is.
 */
export function newestPage(messages: readonly ChatMessage[], { before, limit, maxBytes }: PageRequest): { messages: ChatMessage[]; more: boolean } {
  const end = before === undefined ? messages.length : messages.findIndex((m) => m.id === before);
  if (end <= 0) return { messages: [], more: false };
  let start = end;
  let bytes = 0;
  while (start > 0 && end - start < limit) {
    bytes += JSON.stringify(messages[start - 1]).length + 1;
    if (bytes > maxBytes && start < end) break;
    start--;
  }
  return { messages: messages.slice(start, end), more: start > 0 };
}
