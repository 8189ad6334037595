import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatMessage } from '../types.js';
import { ChatHistory } from './chat-history.js';

const message = (id: string, ts: number, from = 'ana'): ChatMessage => ({ id, from, fromName: from, text: `text ${id}`, ts, to: null });

describe('ChatHistory', () => {
  it('keeps messages oldest first, once each, in a new array on every change', () => {
    const history = new ChatHistory();
    const heard: string[] = [];
    history.on('message', ({ message: m, local }) => heard.push(`${m.id}${local ? ' (ours)' : ''}`));
    history.add(message('b', 20), false);
    const before = history.messages;
    history.add(message('a', 10, 'me'), true);
    history.add(message('b', 20), false);
    assert.deepEqual(history.messages.map((m) => m.id), ['a', 'b']);
    assert.deepEqual(before.map((m) => m.id), ['b']);
    assert.deepEqual(heard, ['b', 'a (ours)']);
  });

  it('keeps history without announcing it when asked', () => {
    const history = new ChatHistory();
    const heard: string[] = [];
    history.on('message', ({ message: m }) => heard.push(m.id));
    history.add(message('old', 1), false, false);
    history.add(message('new', 2), false);
    assert.deepEqual(history.messages.map((m) => m.id), ['old', 'new']);
    assert.deepEqual(heard, ['new']);
  });

  it('puts a page of earlier messages before the rest in the server\'s order, even when they share a millisecond', () => {
    const history = new ChatHistory();
    const heard: string[] = [];
    history.on('message', ({ message: m }) => heard.push(m.id));
    history.add(message('4', 7), false, false);
    history.addEarlier([message('2', 5), message('3', 5)], true);
    history.addEarlier([message('1', 5), message('2', 5)], false);
    assert.deepEqual(history.messages.map((m) => m.id), ['1', '2', '3', '4']);
    assert.equal(history.hasEarlier, false);
    assert.deepEqual(heard, [], 'earlier messages are not new');
  });
});
