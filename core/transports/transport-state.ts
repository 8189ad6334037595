/**
 * The transport's own connection state, beside each person's link state: is media getting through
 * at all. A mesh has one link per person, so its state is the worst of them.
 */
import type { LinkState, TransportState } from '../types.js';

/** Worst first: one failed link makes the mesh `failed`, even while others are connected. */
const WORST_FIRST: readonly TransportState[] = ['failed', 'disconnected', 'connecting', 'connected'];

const AS_TRANSPORT: Record<LinkState, TransportState | null> = {
  new: 'connecting',
  connecting: 'connecting',
  connected: 'connected',
  disconnected: 'disconnected',
  failed: 'failed',
  closed: null, // a closed link is one person gone, not a fault
};

/** The state of a mesh with these links: `connected` with none (nothing to wait for), `closed` once closed. */
export function meshState(links: Iterable<LinkState>, closed: boolean): TransportState {
  if (closed) return 'closed';
  const states = new Set([...links].map((link) => AS_TRANSPORT[link]));
  return WORST_FIRST.find((state) => states.has(state)) ?? 'connected';
}
