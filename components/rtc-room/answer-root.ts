/**
 * Answer mode's glue: the answer page's chunk loaded on first use, and the `<div>` in the room's
 * light DOM it renders into (with the page's `screenname`/`namespace` classes), gone in other modes.
 */
import { render } from 'lit';
import { RtcError } from '../../core/errors.js';
import type { AnswerViewInput } from './answer-view.js';

let answerPage: typeof import('./answer-page.js') | undefined;
let loadingAnswerPage: Promise<typeof import('./answer-page.js')> | undefined;
const loadAnswerPage = () => (loadingAnswerPage ??= import('./answer-page.js').then((page) => (answerPage = page)));

export interface AnswerLook {
  screenname: string;
  namespace: string;
  fullscreen: boolean;
}

export class AnswerRoot {
  #root?: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    private readonly loaded: () => void,
    private readonly reportError: (error: RtcError) => void,
  ) {}

  /** The room's own child (not part of a page's composition). */
  get element(): HTMLElement | undefined {
    return this.#root;
  }

  /** Resolves once the answer page's chunk is in (at once when it already is). */
  async ready(): Promise<boolean> {
    if (answerPage) return true;
    await loadAnswerPage().catch(() => {});
    return false;
  }

  /** Renders the answer page when `on`; removes it otherwise. `input` is read only once the chunk is in. */
  render(on: boolean, look: AnswerLook, input: () => AnswerViewInput): void {
    if (!on) {
      this.#root?.remove();
      this.#root = undefined;
      return;
    }
    if (!this.host.isConnected) return;
    if (!answerPage) {
      loadAnswerPage().then(this.loaded, (cause: unknown) => {
        loadingAnswerPage = undefined;
        this.reportError(new RtcError('network', 'The answer page could not be loaded.', { cause }));
      });
      return;
    }
    const { adoptAnswerStyles, answerRootClass, renderAnswer } = answerPage;
    if (!this.#root) {
      this.#root = document.createElement('div');
      this.host.append(this.#root);
    }
    adoptAnswerStyles(this.host, look.screenname, look.namespace);
    this.#root.className = answerRootClass(look.screenname, look.namespace, look.fullscreen);
    render(renderAnswer(input()), this.#root);
  }
}
