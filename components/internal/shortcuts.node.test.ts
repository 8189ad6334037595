import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesShortcut, parseShortcut, shortcutLabel } from './shortcuts.js';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: k, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...mods,
});

test('a letter matches in either case, and not with Ctrl, Alt or ⌘ held', () => {
  assert.ok(matchesShortcut('m', key('m')));
  assert.ok(matchesShortcut('m', key('M', { shiftKey: true })));
  assert.ok(!matchesShortcut('m', key('m', { ctrlKey: true })), 'Ctrl+M stays the browser\'s');
  assert.ok(!matchesShortcut('m', key('m', { metaKey: true })));
  assert.ok(!matchesShortcut('m', key('n')));
});

test('modifiers and named keys', () => {
  assert.ok(matchesShortcut('Ctrl+d', key('d', { ctrlKey: true })));
  assert.ok(!matchesShortcut('Ctrl+d', key('d')));
  assert.ok(matchesShortcut('Shift+m', key('M', { shiftKey: true })));
  assert.ok(!matchesShortcut('Shift+m', key('m')));
  assert.ok(matchesShortcut('?', key('?', { shiftKey: true })), '? needs Shift on most layouts');
  assert.ok(matchesShortcut('Space', key(' ')));
  assert.deepEqual(parseShortcut('Ctrl++'), { key: '+', ctrl: true, alt: false, meta: false, shift: null });
});

test('labels for the help dialog', () => {
  assert.deepEqual(shortcutLabel('m', 'Space'), ['M']);
  assert.deepEqual(shortcutLabel('Space', '空格'), ['空格']);
  assert.deepEqual(shortcutLabel('Ctrl+d', 'Space'), ['Ctrl', 'D']);
});
