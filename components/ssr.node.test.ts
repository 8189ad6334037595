/** The elements must import under Node (server-side rendering) without touching browser globals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('components under Node', () => {
  it('import with nothing from the browser', async () => {
    for (const name of ['window', 'document', 'customElements', 'MediaStream']) {
      assert.equal(typeof (globalThis as Record<string, unknown>)[name], 'undefined', `${name} exists here: the test would prove nothing`);
    }
    const kit = await import('./index.js');
    for (const name of ['RtcRoom', 'RtcVideoTile', 'start', 'join', 'registerStrings', 'RtcClient']) {
      assert.equal(typeof (kit as Record<string, unknown>)[name], 'function', name);
    }
    // The call's grid and bar are chunks of the bundle; their classes come from their own modules.
    assert.equal(typeof (await import('./rtc-video-grid/rtc-video-grid.js')).RtcVideoGrid, 'function');
    assert.equal(typeof (await import('./rtc-controls/rtc-controls.js')).RtcControls, 'function');
    assert.equal(typeof (await import('./rtc-phone/rtc-phone.js')).RtcPhone, 'function'); // calls (issue 12)
    // lit's Node build brings a customElements shim, so the tags are ready for server rendering.
    const registry = (globalThis as unknown as { customElements: { get(name: string): unknown } }).customElements;
    assert.equal(registry.get('rtc-room'), kit.RtcRoom);
  });
});
