import type { SessionHandler } from './types.js';

/** Messages per `history` page when the client does not say. */
const DEFAULT_PAGE = 50;

/** `history`: a page of older chat (what `joined` left out), within the same byte cap. */
export const handleHistory: SessionHandler<'history'> = (session, { rid, before, limit = DEFAULT_PAGE }) => {
  const { history, moreHistory } = session.room.historyPage(session.userId, { before, limit });
  session.send({ type: 'history', rid, messages: history, more: moreHistory });
};
