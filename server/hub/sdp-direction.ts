/**
 * Keeps a receive-only participant (a viewer) receive-only at the SDP level: every media section of a
 * description it sends is rewritten so it can no longer offer or answer to send. A section without a
 * direction attribute defaults to sendrecv (RFC 8866), so each one gets an explicit direction.
 */

const DIRECTION = /^a=(sendrecv|sendonly|recvonly|inactive)$/;

/** What a section may keep when its sender does not send: it may still receive. */
const RECEIVE_ONLY: Record<string, string> = {
  sendrecv: 'recvonly',
  sendonly: 'inactive',
  recvonly: 'recvonly',
  inactive: 'inactive',
};

export function receiveOnlySdp(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(/\r?\n/);
  const firstMedia = lines.findIndex((line) => line.startsWith('m='));
  if (firstMedia === -1) return sdp;
  const sessionLevel = lines.slice(0, firstMedia).map((line) => DIRECTION.exec(line)?.[1]).find(Boolean) ?? 'sendrecv';
  const out = lines.slice(0, firstMedia).filter((line) => !DIRECTION.test(line));
  let section: string[] = [];
  const flush = () => {
    if (!section.length) return;
    const own = section.map((line) => DIRECTION.exec(line)?.[1]).find(Boolean) ?? sessionLevel;
    const kept = section.filter((line) => !DIRECTION.test(line));
    // Right after the m= line's c=/b= lines would also do; attribute order does not matter.
    out.push(...kept.filter((line) => line !== ''), `a=${RECEIVE_ONLY[own]}`);
    section = [];
  };
  for (const line of lines.slice(firstMedia)) {
    if (line.startsWith('m=')) flush();
    section.push(line);
  }
  flush();
  return out.join(eol) + eol;
}
