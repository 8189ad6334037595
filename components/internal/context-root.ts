/**
 * Lets the elements inside an `<rtc-room>` find it whatever order the page and the scripts come in
 * (internal: no semver promise). A CMS stores the composition as static markup and loads the bundle
 * after it: the nested elements are defined (and ask for the room's contexts) before `<rtc-room>`
 * is upgraded, and with separate per-element scripts any order is possible. A `ContextRoot` on the
 * document keeps those unanswered requests and replays them when a room comes up.
 */
import { ContextRoot } from '@lit/context';

/** One root per document, shared by every copy of the kit on the page (a second one would replay twice). */
const ATTACHED = Symbol.for('rtc-kit.context-root');

type MarkedDocument = Document & { [ATTACHED]?: true };

export function attachContextRoot(document: Document): void {
  const marked = document as MarkedDocument;
  if (marked[ATTACHED]) return;
  marked[ATTACHED] = true;
  new ContextRoot().attach(document as unknown as HTMLElement);
}
