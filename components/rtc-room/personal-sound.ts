/**
 * How loud each remote person plays for the local user alone (the tile menu's volume and "Mute for
 * me"): applied to the room's `<audio>` for them, never sent anywhere, so nobody else hears a change.
 */
import { RtcError } from '../../core/errors.js';
import type { PersonSound } from '../context/room-state-context.js';

/** Everyone plays at full volume, unmuted, until the user says otherwise. */
export const FULL_SOUND: PersonSound = Object.freeze({ volume: 1, muted: false });

/** The volume steps the tile menu offers (a volume set by script may be anything from 0 to 1). */
export const VOLUME_STEPS = [0.1, 0.25, 0.5, 0.75, 1] as const;

export class PersonalSound {
  #byUser: Readonly<Record<string, PersonSound>> = {};

  /** By user id, only those changed from full sound; a new object on every change (the room snapshot compares by identity). */
  get all(): Readonly<Record<string, PersonSound>> {
    return this.#byUser;
  }

  of(userId: string): PersonSound {
    return this.#byUser[userId] ?? FULL_SOUND;
  }

  /** Returns false when nothing changed. A volume outside 0–1 is a `bad-message` (the page's mistake, said clearly). */
  set(userId: string, change: Partial<PersonSound>): boolean {
    const { volume } = change;
    if (volume !== undefined && !(typeof volume === 'number' && volume >= 0 && volume <= 1)) {
      throw new RtcError('bad-message', `A volume is a number from 0 to 1, not ${String(volume)}.`);
    }
    const previous = this.of(userId);
    const next = { volume: volume ?? previous.volume, muted: change.muted ?? previous.muted };
    if (next.volume === previous.volume && next.muted === previous.muted) return false;
    const { [userId]: _dropped, ...others } = this.#byUser;
    this.#byUser = next.volume === 1 && !next.muted ? others : { ...others, [userId]: Object.freeze(next) };
    return true;
  }

  /** The call ended: the next one starts at full sound for everyone. */
  reset(): void {
    this.#byUser = {};
  }
}
