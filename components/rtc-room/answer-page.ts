/**
 * The answer mode's page (the incoming call, the call, the end page, in the page's own CSS) is a
 * chunk next to the bundle: a room in any other mode never downloads it.
 */
export { adoptAnswerStyles } from './answer-styles.js';
export { answerRootClass, renderAnswer } from './answer-view.js';
