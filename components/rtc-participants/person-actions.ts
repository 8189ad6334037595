/**
 * What the local user may do to one person from the people panel, read from the permission table
 * (protocol/permissions.ts): only what `can()` allows and what fits the person now (mute what is on,
 * ask for what is off). Hosts are peers: no one mutes, demotes or removes another host.
 */
import type { Participant, Role } from '../../core/types.js';
import { can, moderates, receivesOnly } from '../../protocol/permissions.js';
import type { StringKey } from '../i18n/strings.js';
import '../i18n/en-later.js';

export type PersonAction =
  | { kind: 'mute'; media: 'audio' | 'video'; label: StringKey }
  | { kind: 'ask'; media: 'audio' | 'video'; label: StringKey }
  | { kind: 'stop-screen'; label: StringKey }
  | { kind: 'role'; role: Role; label: StringKey; checked: boolean }
  | { kind: 'remove'; label: StringKey };

/** The roles a host hands out from the menu, in this order. */
const ROLES: readonly [Role, StringKey][] = [['host', 'people.roleHost'], ['participant', 'people.roleSpeaker'], ['viewer', 'people.roleViewer']];

export function personActions(self: Participant | null | undefined, person: Participant): PersonAction[] {
  if (!self || person.local || moderates(person.role)) return [];
  const out: PersonAction[] = [];
  if (can(self.role, 'mute-others') && !receivesOnly(person.role)) {
    out.push(person.media.audio
      ? { kind: 'mute', media: 'audio', label: 'people.muteMicrophone' }
      : { kind: 'ask', media: 'audio', label: 'people.askMicrophone' });
    out.push(person.media.video
      ? { kind: 'mute', media: 'video', label: 'people.muteCamera' }
      : { kind: 'ask', media: 'video', label: 'people.askCamera' });
    if (person.media.screen) out.push({ kind: 'stop-screen', label: 'people.stopScreen' });
  }
  if (can(self.role, 'change-roles')) {
    for (const [role, label] of ROLES) out.push({ kind: 'role', role, label, checked: person.role === role });
  }
  if (can(self.role, 'kick')) out.push({ kind: 'remove', label: 'people.removeItem' });
  return out;
}

/** What the room menu offers the local user (mute everyone, hold, lock, lobby, title, record on the server, end). */
export interface RoomActions {
  mute: boolean;
  lock: boolean;
  end: boolean;
  record: boolean;
}

export function roomActions(self: Participant | null | undefined): RoomActions {
  const may = (permission: Parameters<typeof can>[1]) => !!self && can(self.role, permission);
  return { mute: may('mute-others'), lock: may('lock'), end: may('end'), record: may('record') };
}
