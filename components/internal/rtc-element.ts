/**
 * The base of the elements that live inside an `<rtc-room>` (internal: no semver promise). They find
 * the engine and the room state in the room's contexts, or build the state from their own `engine`
 * property when they stand alone.
 */
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { RtcClient } from '../../core/rtc-client.js';
import { engineContext } from '../context/engine-context.js';
import { localeContext, type Locale } from '../context/locale-context.js';
import { roomCommandsContext, type MediaCommands, type RoomCommands } from '../context/room-commands-context.js';
import { roomStateContext, type RoomSnapshot } from '../context/room-state-context.js';
import { attachContextRoot } from './context-root.js';
import { engineCommands } from './engine-commands.js';
import { EngineStateController } from './engine-state-controller.js';
import { RtcBase } from './rtc-base.js';

export class RtcElement extends RtcBase {
  /** The engine to use when the element stands alone; inside an `<rtc-room>` it comes from the room. */
  @property({ attribute: false }) engine: RtcClient | undefined;

  @consume({ context: engineContext, subscribe: true }) @state() protected roomEngine: RtcClient | undefined;
  @consume({ context: roomStateContext, subscribe: true }) @state() protected roomState: RoomSnapshot | undefined;
  @consume({ context: roomCommandsContext, subscribe: true }) @state() protected roomCommands: RoomCommands | undefined;
  @consume({ context: localeContext, subscribe: true }) @state() protected locale: Locale | undefined;

  /** Room state built from `engine` when the element has its own engine. */
  readonly #ownState = new EngineStateController(this);
  #ownCommands?: { engine: RtcClient; commands: MediaCommands };

  override connectedCallback(): void {
    // Before the consumers ask (in super's connectedCallback): a room upgraded later still answers.
    attachContextRoot(this.ownerDocument);
    super.connectedCallback();
  }

  protected override inheritedLocale(): Locale | undefined {
    return this.locale;
  }

  /** The engine in use: the element's own, else the room's. */
  protected get client(): RtcClient | undefined {
    return this.engine ?? this.roomEngine;
  }

  /** What to render: the own engine's state when `engine` is set, else the room's. */
  protected get snapshot(): RoomSnapshot | undefined {
    return this.engine ? this.#ownState.snapshot : this.roomState;
  }

  /** Where media actions go: straight to the own engine when set, else to the room. */
  protected get commands(): MediaCommands | undefined {
    if (!this.engine) return this.roomCommands;
    if (this.#ownCommands?.engine !== this.engine) {
      this.#ownCommands = { engine: this.engine, commands: engineCommands(this.engine, this) };
    }
    return this.#ownCommands.commands;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('engine')) this.#ownState.setEngine(this.engine);
  }
}
