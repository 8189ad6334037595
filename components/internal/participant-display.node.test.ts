import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aroundName, avatarHue, displayName, initials } from './participant-display.js';

test('initials: one letter per word, first and last word, letters only', () => {
  assert.equal(initials('Alice'), 'A');
  assert.equal(initials('Ada Lovelace'), 'AL');
  assert.equal(initials('ada augusta king lovelace'), 'AL');
  assert.equal(initials('ada.lovelace'), 'AL');
  assert.equal(initials('<Oscar>'), 'O');
  assert.equal(initials('<b>Oscar</b> Wilde'), 'BW', 'tag letters are letters; the brackets are not');
  assert.equal(initials('  émile   zola '), 'ÉZ');
  assert.equal(initials('42'), '');
  assert.equal(initials(''), '');
  assert.equal(initials('🙂 Bob'), 'B');
});

test('initials: a CJK name gives its first character', () => {
  assert.equal(initials('欧阳娜娜'), '欧');
  assert.equal(initials('王 小明'), '王');
  assert.equal(initials('さくら'), 'さ');
  assert.equal(initials('김민준'), '김');
  assert.equal(initials('Ada 李'), 'A');
});

test('displayName: the profile, else the joined name, else the guest word, never the raw id', () => {
  const p = { name: '' };
  assert.equal(displayName(p, undefined, 'Guest'), 'Guest');
  assert.equal(displayName({ name: 'Ada' }, undefined, 'Guest'), 'Ada');
  assert.equal(displayName({ name: 'Ada' }, { name: 'Countess' }, 'Guest'), 'Countess');
  assert.equal(displayName({ name: '   ' }, { name: '' }, '访客'), '访客');
});

test('avatarHue: stable per user id, in range', () => {
  assert.equal(avatarHue('guest-bzm9'), avatarHue('guest-bzm9'));
  assert.notEqual(avatarHue('alice'), avatarHue('bob'));
  for (const id of ['', 'a', 'guest-bzm9', '李']) assert.ok(avatarHue(id) >= 0 && avatarHue(id) < 360);
});

test('aroundName: what surrounds the name in a translated label', () => {
  assert.deepEqual(aroundName((name) => `${name} (you)`), { before: '', after: ' (you)' });
  assert.deepEqual(aroundName((name) => `${name}（我）`), { before: '', after: '（我）' });
  assert.deepEqual(aroundName((name) => `Me, ${name}`), { before: 'Me, ', after: '' });
});
