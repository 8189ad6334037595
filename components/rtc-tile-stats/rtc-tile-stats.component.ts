import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ParticipantStats } from '../../core/types.js';
import { RtcElement } from '../internal/rtc-element.js';
import { formatStats } from './format-stats.js';
import { styles } from './rtc-tile-stats.styles.js';
import '../i18n/en-later.js';

/**
 * @summary One person's connection statistics, over their tile: resolution, frame rate, bitrate,
 * packet loss, round-trip time, codec and whether the path is direct or relayed. `rtc-video-tile`
 * shows it with `show-stats`; it loads on first use (a chunk of its own).
 * @status experimental
 * @since 0.2
 *
 * @csspart base - The list of figures.
 *
 * @cssproperty [--tile-stats-background=rgb(0 0 0 / 0.6)] - Background behind the figures.
 * @cssproperty [--tile-stats-color=#fff] - Text colour of the figures.
 */
export class RtcTileStats extends RtcElement {
  static override styles = styles;

  /** Whose statistics to show (for the local user: what we send). */
  @property({ attribute: 'user-id' }) userId = '';

  /** Milliseconds between readings (at least 250). */
  @property({ type: Number }) interval = 1_000;

  @state() private stats: ParticipantStats | undefined;

  #timer: ReturnType<typeof setInterval> | undefined;
  #every = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  protected override updated(): void {
    if (this.isConnected && Math.max(250, this.interval) !== this.#every) this.#schedule();
  }

  #schedule(): void {
    clearInterval(this.#timer);
    this.#every = Math.max(250, this.interval);
    this.#timer = setInterval(() => void this.#read(), this.#every);
    void this.#read();
  }

  async #read(): Promise<void> {
    const all = await this.client?.getStats().catch(() => undefined);
    this.stats = all?.get(this.userId);
  }

  protected override render() {
    const local = !!this.userId && this.userId === this.client?.self.userId;
    const rows = formatStats(this.stats, local, (key, params) => this.i18n.t(key, params));
    return html`<dl part="base" class="stats" aria-label=${this.i18n.t('stats.label')}>
      ${rows.map(([label, value]) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rtc-tile-stats': RtcTileStats;
  }
}
