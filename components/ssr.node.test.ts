/** The elements must import under Node (server-side rendering) without touching browser globals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('components under Node', () => {
  it('import with nothing from the browser', async () => {
    for (const name of ['window', 'document', 'customElements', 'MediaStream']) {
      assert.equal(typeof (globalThis as Record<string, unknown>)[name], 'undefined', `${name} exists here: the test would prove nothing`);
    }
    const kit = await import('./index.js');
    for (const name of ['RtcRoom', 'RtcVideoGrid', 'RtcVideoTile', 'RtcControls', 'start', 'join', 'registerStrings', 'RtcClient']) {
      assert.equal(typeof (kit as Record<string, unknown>)[name], 'function', name);
    }
    // lit's Node build brings a customElements shim, so the tags are ready for server rendering.
    const registry = (globalThis as unknown as { customElements: { get(name: string): unknown } }).customElements;
    assert.equal(registry.get('rtc-room'), kit.RtcRoom);
  });
});
