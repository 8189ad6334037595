import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RtcClient } from '../../core/rtc-client.js';
import type { DeviceList, RtcClientEventName } from '../../core/types.js';
import type { RoomSnapshot } from '../context/room-state-context.js';

/** The part of a room snapshot the engine knows (the rest is UI state: layout, pin, full screen). */
export type EngineView = Pick<
  RoomSnapshot,
  'state' | 'roomId' | 'self' | 'participants' | 'activeSpeakerId' | 'screenSharerId' | 'hands' | 'messages' | 'limits' | 'devices' | 'selectedDevices'
  | 'roomState' | 'waiting'
>;

/** Engine events after which the view is read again (audio levels and stats are too frequent: see AudioLevelController). */
const STATE_EVENTS: readonly RtcClientEventName[] = [
  'connection-state', 'joined', 'left', 'participant-joined', 'participant-left', 'participant-updated',
  'mute-change', 'track-added', 'track-removed', 'screen-share', 'active-speaker', 'device-change',
  'device-selected', 'message', 'history', 'hands',
  'room-state', 'lobby', 'role-change',
];

/** UI state of an element that has an engine but no room. */
const STANDALONE_UI = {
  layout: 'grid', pinnedUserId: null, mainUserId: null, fullscreen: false, speakerOn: true, sound: {}, profiles: {}, panel: null, unreadMessages: 0,
} as const;

const NO_DEVICES: DeviceList = { cameras: [], microphones: [], speakers: [] };

function readEngine(engine: RtcClient, devices: DeviceList): EngineView {
  const self = engine.self;
  return {
    state: engine.state,
    roomId: engine.roomId,
    self,
    participants: [self, ...engine.participants.values()],
    activeSpeakerId: engine.activeSpeaker,
    screenSharerId: engine.screenSharer,
    hands: engine.hands,
    messages: engine.messages,
    limits: engine.limits,
    devices,
    selectedDevices: { ...engine.selectedDevices },
    roomState: engine.roomState,
    waiting: engine.waitingList,
  };
}

/**
 * Follows one engine and keeps an immutable view of it, rebuilt on every state event
 * (`onChange` gets each new one). Subscribes while the host is connected.
 */
export class EngineStateController implements ReactiveController {
  #engine: RtcClient | undefined;
  #devices: DeviceList = NO_DEVICES;
  #unsubscribe: (() => void)[] = [];
  #connected = false;
  #view: EngineView | undefined;
  #snapshot: RoomSnapshot | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: (view: EngineView) => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  get view(): EngineView | undefined {
    return this.#view;
  }

  /** The view with default UI state, for an element standing alone with its own engine. */
  get snapshot(): RoomSnapshot | undefined {
    return this.#snapshot;
  }

  setEngine(engine: RtcClient | undefined): void {
    if (engine === this.#engine) return;
    this.#stop();
    this.#engine = engine;
    this.#devices = NO_DEVICES;
    this.#view = this.#snapshot = undefined;
    if (this.#connected) this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    const engine = this.#engine;
    if (!engine) return;
    const refresh = () => this.refresh();
    this.#unsubscribe = STATE_EVENTS.map((name) => engine.on(name, refresh));
    this.#unsubscribe.push(
      engine.on('device-change', ({ devices }) => {
        this.#devices = devices;
        this.refresh();
      }),
      engine.on('joined', () => this.#listDevices(engine)),
    );
    this.#listDevices(engine);
    this.refresh();
  }

  #listDevices(engine: RtcClient): void {
    engine.listDevices().then(
      (devices) => {
        if (engine !== this.#engine) return;
        this.#devices = devices;
        this.refresh();
      },
      () => {}, // No device list (no permission yet, or none): the menus stay empty.
    );
  }

  #stop(): void {
    this.#unsubscribe.forEach((off) => off());
    this.#unsubscribe = [];
  }

  /** Reads the engine again (for changes it does not announce, such as the preview before joining). */
  refresh(): void {
    if (!this.#engine) return;
    this.#view = readEngine(this.#engine, this.#devices);
    this.#snapshot = { ...STANDALONE_UI, ...this.#view };
    this.onChange(this.#view);
  }
}
