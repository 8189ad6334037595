import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Participant } from '../../core/types.js';
import type { Layout } from '../context/room-state-context.js';
import type { RtcPinEvent } from '../events/rtc-pin.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { icon } from '../internal/icons.js';
import { gridShape, pageCount, pageItems, stableOrder, stage, type Stage } from '../internal/layout.js';
import { ResizeController } from '../internal/resize-controller.js';
import { RtcElement } from '../internal/rtc-element.js';
import '../rtc-video-tile/rtc-video-tile.js';
import type { RtcVideoTile } from '../rtc-video-tile/rtc-video-tile.component.js';
import { styles } from './rtc-video-grid.styles.js';
import '../i18n/en-later.js';

/** Tiles narrower than this make the grid paginate sooner than `max-tiles` (phones). */
const MIN_TILE_WIDTH = 150;
const PAGER_HEIGHT = 44;
const TILE_PARTS = 'base:tile-base, video:tile-video, placeholder:tile-placeholder, avatar:tile-avatar, label:tile-label, name:tile-name, muted-icon:tile-muted-icon, pin-button:tile-pin-button, status:tile-status, unreachable:tile-unreachable, retry-button:tile-retry-button'
  // Choices (issue 13): the tile's sound menu
  + ', menu-button:tile-menu-button, menu:tile-menu, menu-item:tile-menu-item, sound-muted:tile-sound-muted';

/**
 * @summary Lays out the participants' tiles: a grid sized from the tile count and the box, or a
 * speaker view with one person large and the others in a strip. A shared screen takes the main view
 * by itself; pages past `max-tiles` keep tiles in place when someone speaks.
 * @status experimental
 * @since 0.1
 * @dependency rtc-video-tile
 *
 * @event {RtcPinEvent} rtc-pin - Bubbles from a tile's pin button: `{ userId, pinned }`. Inside a room the
 * room moves that person to the main view (and fires `rtc-player-change`); alone, the grid does.
 *
 * @csspart base - The layout box.
 * @csspart tile - Every `<rtc-video-tile>`; their parts are exported as `tile-base`, `tile-video`,
 * `tile-placeholder`, `tile-avatar`, `tile-label`, `tile-name`, `tile-muted-icon`, `tile-pin-button`, `tile-status`,
 * `tile-unreachable`, `tile-retry-button`, `tile-menu-button`, `tile-menu`, `tile-menu-item`, `tile-sound-muted`.
 * @csspart stage - The main view in the speaker layout.
 * @csspart presenting - The card the presenter sees on the stage instead of their own screen (no hall of mirrors).
 * @csspart stop-presenting - Its "Stop presenting" button.
 * @csspart preview-toggle - Its "Show preview" button (and "Hide preview" over the preview).
 * @csspart strip - The row of other participants under the main view.
 * @csspart pager - The page switcher.
 * @csspart pager-button - Its previous and next buttons.
 *
 * @cssproperty [--grid-gap=8px] - Space between tiles (read when laying out).
 * @cssproperty [--grid-padding=var(--rtc-space-s)] - Space around the tiles.
 * @cssproperty [--grid-strip-height=clamp(72px, 20%, 150px)] - Height of the strip in the speaker layout.
 */
export class RtcVideoGrid extends RtcElement {
  static override styles = styles;

  /** `grid` or `speaker`. Unset, it follows the room (or `grid` alone). */
  @property({ reflect: true }) layout: Layout | undefined;

  /** Most tiles on one grid page; fewer on a small screen so tiles stay readable. */
  @property({ type: Number, attribute: 'max-tiles' }) maxTiles = 12;

  /** Width/height of a video tile. */
  @property({ type: Number, attribute: 'aspect-ratio' }) aspectRatio = 16 / 9;

  /** Show whole pictures (`contain`) in the tiles instead of filling them (`cover`). */
  @property({ type: Boolean, reflect: true, attribute: 'full-picture' }) fullPicture = false;

  /** Participants to show instead of the room's (plain snapshots, e.g. for a preview or a story). */
  @property({ attribute: false }) participants: readonly Participant[] | undefined;

  /** Milliseconds before a tile whose link does not come up says the person can't be reached. */
  @property({ type: Number, attribute: 'unreachable-after' }) unreachableAfter = 10_000;

  /** The clock the tiles time `unreachable-after` with (tests pass one they move by hand). */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The presenter sees their own shared screen on the stage instead of the "You are presenting" card (reflected). */
  @property({ type: Boolean, reflect: true, attribute: 'show-own-screen' }) showOwnScreen = false;

  /** What is shown now: `grid`, or `stage` (speaker layout, a pin, or a screen share). Reflected, read-only. */
  @property({ reflect: true }) view: 'grid' | 'stage' = 'grid';

  /** The page shown (0-based) when the grid has more tiles than fit on one. */
  @state() private page = 0;

  /** The pin of a grid that stands alone (inside a room the room keeps it). */
  @state() private ownPin: string | null = null;

  readonly #size = new ResizeController(this);
  #order: string[] = [];
  #lastSpoke = new Map<string, number>();
  #speaker: string | null = null;
  #stage: Stage = { userId: null, screen: false };
  /** The pin button that was pressed: its tile may move (grid to stage), so focus follows it there. */
  #refocusPin: { userId: string; pinned: boolean } | null = null;

  get #people(): readonly Participant[] {
    return this.participants ?? this.snapshot?.participants ?? [];
  }

  get #pin(): string | null {
    return this.roomCommands && !this.engine ? (this.snapshot?.pinnedUserId ?? null) : this.ownPin;
  }

  get #screenSharer(): string | null {
    if (this.snapshot && !this.participants) return this.snapshot.screenSharerId;
    return this.#people.find((p) => p.media.screen && p.screenStream)?.userId ?? null;
  }

  get #gap(): number {
    return parseFloat(getComputedStyle(this).getPropertyValue('--grid-gap')) || 0;
  }

  /** Tiles per page: `max-tiles`, or fewer when they would get too narrow for the box (the pager taking its share). */
  #pageSize(count: number, width: number, height: number): number {
    const fits = (n: number, h: number) => gridShape(n, width, h, { aspect: this.aspectRatio, gap: this.#gap }).tileWidth >= MIN_TILE_WIDTH;
    const max = Math.max(1, this.maxTiles);
    if (count <= max && fits(count, height)) return max;
    for (let n = max; n > 1; n--) if (fits(n, height - PAGER_HEIGHT)) return n;
    return 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const people = this.#people;
    const ids = people.map((p) => p.userId);
    const localId = people.find((p) => p.local)?.userId ?? null;
    const speaker = this.snapshot?.activeSpeakerId ?? null;
    if (speaker && speaker !== this.#speaker) this.#lastSpoke.set(speaker, performance.now());
    this.#speaker = speaker;

    const inRoom = this.roomState && !this.engine && !this.participants;
    this.#stage = inRoom
      ? { userId: this.roomState!.mainUserId, screen: this.roomState!.mainUserId !== null && this.roomState!.mainUserId === this.#screenSharer }
      : stage({ ids, localId, pinnedId: this.#pin, screenSharerId: this.#screenSharer, activeSpeakerId: speaker, previousId: this.#stage.userId });
    const layout = this.layout ?? this.snapshot?.layout ?? 'grid';
    this.view = layout === 'speaker' || this.#pin !== null || this.#stage.screen ? 'stage' : 'grid';

    const { width, height } = this.#size;
    const pageSize = this.#pageSize(ids.length, width, height);
    this.#order = stableOrder(this.#order, ids, { pageSize, speakerId: speaker, lastSpoke: this.#lastSpoke, firstId: localId });
  }

  #onPin(event: RtcPinEvent): void {
    const userId = event.detail.pinned ? event.detail.userId : null;
    this.#refocusPin = event.detail;
    if (this.roomCommands && !this.engine) this.roomCommands.pin(userId);
    else this.ownPin = userId;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const wanted = this.#refocusPin;
    if (!wanted) return;
    // By property: a tile made in this render has not reflected its attributes yet. Inside a room the
    // pin comes back with the room's next state: until then, wait.
    const tile = [...this.renderRoot.querySelectorAll<RtcVideoTile>('rtc-video-tile')]
      .find((t) => t.participant?.userId === wanted.userId && !t.screen && t.pinned === wanted.pinned);
    if (!tile) return;
    this.#refocusPin = null;
    void tile.updateComplete.then(() => tile.shadowRoot?.querySelector<HTMLElement>('[part~="pin-button"]')?.focus());
  }

  #stopPresenting(): void {
    const commands = this.commands;
    commands?.toggleScreenShare(false).catch((error: unknown) => commands.reportError(error));
  }

  #tile(p: Participant, { screen = false, pinned = false } = {}) {
    // One tile alone has nowhere else to go: no pin.
    const pinnable = this.#people.length > 1;
    return html`<rtc-video-tile part="tile" exportparts=${TILE_PARTS} .participant=${p} ?screen=${screen}
      ?full-picture=${this.fullPicture} ?pinnable=${pinnable} ?pinned=${pinned} .strings=${this.strings}
      .clock=${this.clock} unreachable-after=${this.unreachableAfter}
      lang=${this.getAttribute('lang') ?? nothing}></rtc-video-tile>`;
  }

  protected override render() {
    return html`<div part="base" class="base" @rtc-pin=${this.#onPin}>
      ${this.view === 'stage' ? this.#renderStage() : this.#renderGrid()}
    </div>`;
  }

  #renderGrid() {
    const byId = new Map(this.#people.map((p) => [p.userId, p]));
    const { width, height } = this.#size;
    const gap = this.#gap;
    const pageSize = this.#pageSize(this.#order.length, width, height);
    const pages = pageCount(this.#order.length, pageSize);
    const page = Math.min(this.page, pages - 1);
    const visible = pageItems(this.#order, page, pageSize);
    const shape = gridShape(visible.length, width, height - (pages > 1 ? PAGER_HEIGHT : 0), { aspect: this.aspectRatio, gap });
    const cells = styleMap({
      width: `${shape.columns * shape.tileWidth + (shape.columns - 1) * gap}px`,
      '--tile-width': `${shape.tileWidth}px`,
      '--tile-height': `${shape.tileHeight}px`,
    });
    return html`
      <div class="cells" style=${cells} role="list" aria-label=${this.i18n.t('grid.label')}>
        ${repeat(visible, (id) => id, (id) => html`<div class="cell" role="listitem">${this.#tile(byId.get(id)!, { pinned: id === this.#pin })}</div>`)}
      </div>
      ${pages > 1 ? this.#renderPager(page, pages) : nothing}
    `;
  }

  #renderPager(page: number, pages: number) {
    return html`<nav part="pager" class="pager" aria-label=${this.i18n.t('grid.label')}>
      <button part="pager-button" type="button" ?disabled=${page === 0} aria-label=${this.i18n.t('grid.previous')}
        title=${this.i18n.t('grid.previous')} @click=${() => (this.page = page - 1)}>${icon('chevron-left')}</button>
      <span class="page" aria-live="polite">${this.i18n.t('grid.page', { page: page + 1, pages })}</span>
      <button part="pager-button" type="button" ?disabled=${page === pages - 1} aria-label=${this.i18n.t('grid.next')}
        title=${this.i18n.t('grid.next')} @click=${() => (this.page = page + 1)}>${icon('chevron-right')}</button>
    </nav>`;
  }

  #renderStage() {
    const byId = new Map(this.#people.map((p) => [p.userId, p]));
    const main = this.#stage.userId ? byId.get(this.#stage.userId) : undefined;
    // The strip keeps everyone's camera except the one on the stage (a presenter's camera stays in it).
    const others = this.#order.filter((id) => this.#stage.screen || id !== this.#stage.userId);
    return html`
      <div part="stage" class="stage" role="region" aria-label=${this.i18n.t('grid.stage')}>
        ${main && this.#stage.screen && main.local
          ? this.#renderOwnScreen(main)
          : main ? this.#tile(main, { screen: this.#stage.screen, pinned: main.userId === this.#pin }) : nothing}
      </div>
      ${others.length
        ? html`<div part="strip" class="strip" role="list" aria-label=${this.i18n.t('grid.strip')}>
            ${repeat(others, (id) => id, (id) => html`<div class="cell" role="listitem">${this.#tile(byId.get(id)!, { pinned: id === this.#pin })}</div>`)}
          </div>`
        : nothing}
    `;
  }

  /** Your own share on the stage would show the stage inside itself: a card with stop, unless you ask for the preview. */
  #renderOwnScreen(main: Participant) {
    const toggle = html`<button part="preview-toggle" class="presenting-button" type="button" aria-pressed=${this.showOwnScreen ? 'true' : 'false'}
      @click=${() => (this.showOwnScreen = !this.showOwnScreen)}>${this.i18n.t(this.showOwnScreen ? 'presenting.hidePreview' : 'presenting.preview')}</button>`;
    const stop = html`<button part="stop-presenting" class="presenting-button danger" type="button" @click=${this.#stopPresenting}>
      ${icon('screen-off')}<span>${this.i18n.t('presenting.stop')}</span></button>`;
    if (this.showOwnScreen) {
      return html`${this.#tile(main, { screen: true })}<div class="preview-bar">${toggle}${stop}</div>`;
    }
    return html`<div part="presenting" class="presenting" role="group" aria-labelledby="presenting-title">
      <span class="presenting-icon" aria-hidden="true">${icon('screen')}</span>
      <h2 id="presenting-title" class="presenting-title">${this.i18n.t('tile.yourScreen')}</h2>
      <p class="presenting-hint">${this.i18n.t('presenting.hint')}</p>
      <div class="presenting-actions">${stop}${toggle}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-video-grid': RtcVideoGrid;
  }
}
