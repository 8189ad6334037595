import type { Logger } from './hub/logger.js';

/**
 * The last resort of `npm run serve`: an exception or rejection nothing else caught is logged and the
 * process keeps serving. Every listener of the server is guarded on its own (create-server.ts); this is
 * for the bug nobody foresaw, which would otherwise end every call on the server at once.
 * Returns the function that removes the guard.
 */
export function guardProcess(log: Logger): () => void {
  const onException = (error: Error) => log.error('uncaught exception; the server keeps running', error);
  const onRejection = (reason: unknown) => log.error('unhandled rejection; the server keeps running', reason);
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
