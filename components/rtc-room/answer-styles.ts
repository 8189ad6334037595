/**
 * Answer mode's default looks: the plugin's stylesheet (seed-002 §3.2.3, rpx turned into px for a
 * 375 px phone, sized down where it only made sense full screen), every selector inside `:where()`
 * so it weighs nothing and any rule of the page wins. Scoped to `rtc-room[mode=answer]`; one sheet
 * per class-name pair, adopted by the document (or shadow root) the room is in.
 */
const sheets = new Map<string, CSSStyleSheet>();

function css(screen: string, ns: string): string {
  const s = `rtc-room[mode="answer"] .${screen}`;
  const a = `rtc-room[mode="answer"] .${ns}`;
  return `
:where(${s}) { position: relative; box-sizing: border-box; overflow: hidden; background: rgba(31, 33, 41, 0.95); color: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif; }
:where(${s} *) { box-sizing: border-box; }
:where(${s}.full) { height: 100vh; }
:where(${s}.full .content) { height: 100vh; }
:where(${s}.flex) { height: 100%; min-height: 320px; }
:where(${s} .content) { position: relative; }
/* Over the whole root, so the views have a size in a room whose box has no definite height (the page's flow). */
:where(${s}.flex .content) { position: absolute; inset: 0; }
:where(${s} .actions) { position: absolute; bottom: 24px; height: 72px; width: 100%; display: flex; justify-content: center; }
:where(${s} .actions .action) { flex: 1; max-width: 120px; height: 100%; position: relative; }
:where(${a} .pusher-view, ${a} .player-view) { position: absolute; inset: 0; width: 100%; height: 100%; overflow: hidden; background: #000; }
:where(${a} .pusher-view.mini, ${a} .player-view.mini) { top: 16px; right: 8px; left: auto; bottom: auto; width: 120px; height: 213px;
  z-index: 1; border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.4); }
:where(${a} .pusher-view.hidden, ${a} .player-view.hidden) { width: 0; z-index: -999; }
:where(${a} .message) { position: absolute; top: 0; left: 0; height: 100%; width: 100%; padding: 16px; text-align: center;
  display: flex; flex-direction: column; gap: 12px; align-items: center; justify-content: center; background: rgba(31, 33, 41, 0.95); color: #fff; }
:where(${a} .message-avatar) { width: 72px; height: 72px; border-radius: 50%; object-fit: cover; display: grid; place-items: center;
  font-size: 26px; font-weight: 600; background: oklch(0.5 0.12 var(--hue, 250)); }
:where(${a} .mini .message-avatar) { width: 44px; height: 44px; font-size: 16px; }
:where(${a} .live-player, ${a} .live-pusher) { width: 100%; height: 100%; display: block; object-fit: cover; }
:where(${a} [data-fit="contain"]) { object-fit: contain; }
:where(${a} .live-pusher) { transform: scaleX(-1); }
:where(${a} video[hidden]) { display: none; }
:where(${a} .user-list) { white-space: nowrap; position: absolute; display: flex; bottom: 108px; height: 72px; width: 100%;
  overflow-x: auto; padding: 0 12px; gap: 8px; scrollbar-width: none; }
:where(${a} .user-list-item) { width: 72px; height: 72px; margin: 0; background: #333; overflow: hidden; flex: none; display: flex;
  flex-direction: column; gap: 4px; align-items: center; justify-content: center; padding: 6px; border: 0; border-radius: 8px;
  font: inherit; cursor: pointer; }
:where(${a} .user-list-item-avatar) { width: 32px; height: 32px; border-radius: 50%; object-fit: cover; }
:where(${a} .user-list-item-text) { color: #fff; font-size: 12px; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(${a} .user-list-item.selected .user-list-item-text) { color: #69b1ff; }
:where(${a} .user-list-item.selected) { box-shadow: inset 0 0 0 2px #1677ff; }
:where(${a} .user-list-item) { position: relative; }
:where(${a} .user-list-item-hand) { position: absolute; top: 4px; right: 4px; color: #ffb84d; display: flex; }
:where(${a} .user-list-item-hand svg) { width: 16px; height: 16px; }
:where(${a} .btn) { position: absolute; top: 0; bottom: 0; left: 0; right: 0; margin: auto; width: 53px; height: 53px; padding: 0;
  border: 0; border-radius: 50%; color: #fff; background: #262a32; cursor: pointer; display: grid; place-items: center; }
:where(${a} .btn .icon) { width: 50%; height: 50%; display: grid; place-items: center; }
:where(${a} .btn .icon svg) { width: 100%; height: 100%; }
:where(${a} .btn .icon.disable) { color: #ff8a8e; }
:where(${a} .btn-hangup) { background: #fa4b4b; }
:where(${a} .btn-accept) { background: #22b35e; }
:where(${a} .btn-accept .icon) { transform: rotate(-135deg); }
:where(${a} .btn-accept-audio) { background: #2f7d55; }
:where(${a} .message.calling .kind) { font-size: 14px; opacity: 0.75; }
:where(${a} .btn:focus-visible, ${a} .user-list-item:focus-visible, ${a} .audio-unlock:focus-visible) { outline: 2px solid #8aadff; outline-offset: 2px; }
:where(${a} .audio-unlock) { position: absolute; top: 16px; left: 50%; transform: translateX(-50%); z-index: 2; display: flex; gap: 8px;
  align-items: center; padding: 10px 16px; border: 0; border-radius: 999px; background: #1677ff; color: #fff; font: inherit; cursor: pointer; }
:where(${a} .audio-unlock svg) { width: 20px; height: 20px; }
`;
}

/** Adopts the default answer-mode sheet for these class names where `host` lives. */
export function adoptAnswerStyles(host: Element, screen: string, ns: string): void {
  const key = `${screen}\n${ns}`;
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css(CSS.escape(screen), CSS.escape(ns)));
    sheets.set(key, sheet);
  }
  const root = host.getRootNode() as Document | ShadowRoot;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
}
