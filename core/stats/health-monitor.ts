/**
 * The call's health, sampled every few seconds: each person's network quality (0–5), whether a link
 * is weak, whether someone's video froze, and, for our own uplink, the camera stepping down a profile
 * while the network is weak and back up once it recovered. It only reads what the host hands it, and
 * time comes in with each `sample(now)`, so tests drive it with recorded numbers and a hand-moved clock.
 */
import { Emitter } from '../emitter.js';
import type { ParticipantStats } from '../types.js';
import { FrozenVideoDetector } from './frozen-video.js';
import { QualityWindow, type NetworkQuality, type QualityReading } from './network-quality.js';
import { WEAK_NETWORK_DEFAULTS, WeakNetworkDetector, type WeakNetworkThresholds } from './weak-network.js';

export interface HealthOptions extends Partial<WeakNetworkThresholds> {
  /** Milliseconds between samples (default 2 000). */
  intervalMs?: number;
  /** Samples the quality is averaged over (default 5: ten seconds at the default interval). */
  windowSize?: number;
  /** Video counts as frozen after this long without a new frame while the camera is on (ms, default 3 000). */
  frozenAfterMs?: number;
  /** Step our camera down while our uplink is weak and back up after (default true). */
  adapt?: boolean;
  /** Time between two steps, down while still weak or up while recovered (ms, default 6 000). */
  stepMs?: number;
}

export const HEALTH_DEFAULTS = { intervalMs: 2_000, windowSize: 5, frozenAfterMs: 3_000, adapt: true, stepMs: 6_000 } as const;

export interface HealthEvents {
  /** Someone's level changed (ours: our uplink). */
  'network-quality': { userId: string; local: boolean; quality: NetworkQuality; previous: NetworkQuality };
  /** A link crossed the weak-network thresholds, or recovered (ours: what we send; theirs: what we receive from them). */
  'network-weak': { userId: string; local: boolean; weak: boolean; bitrate: number | null; loss: number };
  /** Someone's video stopped moving while their camera is on, or moves again. */
  'video-frozen': { userId: string; local: boolean; frozen: boolean };
  /** The engine changed our camera profile for the network (`profile`), or has no lower one left and suggests audio only. */
  'video-adapt': { profile: string; reason: 'weak-network' | 'recovered'; audioOnlySuggested: boolean };
}

/** What the monitor reads from the session, and how it steps the camera. */
export interface HealthHost {
  collect(): Promise<ReadonlyMap<string, ParticipantStats>>;
  readonly selfId: string;
  /** Whether their link is up (ours: whether we are in the call). */
  linkUp(userId: string): boolean;
  /** Whether their camera is on and its track live, so frames should move. */
  videoExpected(userId: string): boolean;
  /** What our camera profile aims to send (bits per second), while the camera is on; else null. */
  aimBitrate(): number | null;
  /** The camera profile in use now. */
  profileName(): string;
  /** Lower our camera one profile; resolves with its name, or null when none is lower. */
  lowerVideo(): Promise<string | null>;
  /** Raise it one profile towards the one chosen; resolves with its name, or null when back there. */
  raiseVideo(): Promise<string | null>;
}

interface PersonHealth {
  window: QualityWindow;
  quality: NetworkQuality;
  weak: WeakNetworkDetector;
  frozen: FrozenVideoDetector;
}

export class HealthMonitor extends Emitter<HealthEvents> {
  readonly #options: Required<Omit<HealthOptions, keyof WeakNetworkThresholds>> & { thresholds: WeakNetworkThresholds };
  #people = new Map<string, PersonHealth>();
  /** Profiles our camera is below the chosen one, the next step's time, and whether audio only was suggested. */
  #stepsDown = 0;
  #nextStepAt = 0;
  #suggested = false;
  #sampling = false;

  constructor(readonly host: HealthHost, options: HealthOptions = {}) {
    super();
    const { minBitrate, maxLoss, enterMs, recoverMs, ...rest } = options;
    const thresholds = { ...WEAK_NETWORK_DEFAULTS };
    if (minBitrate !== undefined) thresholds.minBitrate = minBitrate;
    if (maxLoss !== undefined) thresholds.maxLoss = maxLoss;
    if (enterMs !== undefined) thresholds.enterMs = enterMs;
    if (recoverMs !== undefined) thresholds.recoverMs = recoverMs;
    this.#options = { ...HEALTH_DEFAULTS, ...stripUndefined(rest), thresholds };
  }

  get intervalMs(): number { return this.#options.intervalMs; }

  /** The last level of `userId`: 0 when unknown. */
  quality(userId: string): NetworkQuality { return this.#people.get(userId)?.quality ?? 0; }
  weak(userId: string): boolean { return this.#people.get(userId)?.weak.weak ?? false; }
  frozen(userId: string): boolean { return this.#people.get(userId)?.frozen.frozen ?? false; }

  /** One round: read the stats, update everyone, step the camera when due. A round still running skips this one. */
  async sample(now: number): Promise<void> {
    if (this.#sampling) return;
    this.#sampling = true;
    try {
      const stats = await this.host.collect();
      for (const userId of this.#people.keys()) if (!stats.has(userId)) this.#forget(userId);
      for (const [userId, entry] of stats) this.#update(userId, entry, now);
      await this.#adapt(now);
    } finally {
      this.#sampling = false;
    }
  }

  #person(userId: string): PersonHealth {
    let person = this.#people.get(userId);
    if (!person) {
      const { windowSize, frozenAfterMs, thresholds } = this.#options;
      person = { window: new QualityWindow(windowSize), quality: 0, weak: new WeakNetworkDetector(thresholds), frozen: new FrozenVideoDetector(frozenAfterMs) };
      this.#people.set(userId, person);
    }
    return person;
  }

  #update(userId: string, stats: ParticipantStats, now: number): void {
    const local = userId === this.host.selfId;
    const person = this.#person(userId);
    const up = this.host.linkUp(userId);
    const aim = local ? this.host.aimBitrate() : null;
    const share = aim ? sentShare(stats, aim) : null;
    const reading: QualityReading = {
      loss: stats.packetLoss,
      roundTripTime: stats.roundTripTime,
      jitter: stats.jitter,
      bitrateRatio: share === null ? null : Math.min(1, share),
      flowing: up && (stats.sendBitrate > 0 || stats.receiveBitrate > 0 || stats.roundTripTime !== null),
    };
    const quality = person.window.push(reading);
    if (quality !== person.quality) {
      const previous = person.quality;
      person.quality = quality;
      this.emit('network-quality', { userId, local, quality, previous });
    }
    if (reading.flowing) {
      // Ours: what the network lets our encoders send while the camera is on, at the profile's scale (a
      // link asked a small layer and carrying it all is not weak). Theirs: loss only (we cannot know their aim).
      const bitrate = aim && share !== null ? Math.round(share * aim) : null;
      const change = person.weak.update({ bitrate, loss: stats.packetLoss }, now);
      // A change of ours is acted on in this round; the pause between steps is for a state that lasts.
      if (change && local) this.#nextStepAt = 0;
      if (change) this.emit('network-weak', { userId, local, weak: change === 'weak', bitrate, loss: stats.packetLoss });
    }
    // Ours paused on every link (no one shows it) sends no frames on purpose.
    const paused = local && stats.askedBitrate === 0;
    const frozen = person.frozen.update(stats.videoFrames, up && !paused && this.host.videoExpected(userId), now);
    if (frozen !== null) this.emit('video-frozen', { userId, local, frozen });
  }

  #forget(userId: string): void {
    const person = this.#people.get(userId);
    this.#people.delete(userId);
    if (person && person.quality !== 0) {
      this.emit('network-quality', { userId, local: userId === this.host.selfId, quality: 0, previous: person.quality });
    }
  }

  async #adapt(now: number): Promise<void> {
    if (!this.#options.adapt || now < this.#nextStepAt) return;
    const weak = this.weak(this.host.selfId);
    if (weak && this.host.aimBitrate() !== null) {
      const profile = await this.host.lowerVideo();
      if (profile) {
        this.#stepsDown++;
        this.emit('video-adapt', { profile, reason: 'weak-network', audioOnlySuggested: false });
      } else if (!this.#suggested) {
        this.#suggested = true;
        this.emit('video-adapt', { profile: this.host.profileName(), reason: 'weak-network', audioOnlySuggested: true });
      }
      this.#nextStepAt = now + this.#options.stepMs;
    } else if (!weak && this.#stepsDown > 0) {
      this.#suggested = false;
      const profile = await this.host.raiseVideo();
      this.#stepsDown = profile ? this.#stepsDown - 1 : 0;
      if (profile) this.emit('video-adapt', { profile, reason: 'recovered', audioOnlySuggested: false });
      this.#nextStepAt = now + this.#options.stepMs;
    } else if (!weak) {
      this.#suggested = false;
    }
  }
}

/**
 * What the network lets our encoders send against what we asked: of the link's own ask when the
 * transport says it (a receiver showing us small needs a small layer), else of the profile's aim.
 */
function sentShare({ targetBitrate, askedBitrate }: ParticipantStats, aim: number): number | null {
  if (targetBitrate === null || askedBitrate === 0) return null;
  return targetBitrate / (askedBitrate ?? aim);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
