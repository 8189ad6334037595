import { expect } from '@open-wc/testing';
import { linkify, type TextToken } from './linkify.js';

const links = (text: string) => linkify(text).filter((t): t is Extract<TextToken, { kind: 'link' }> => t.kind === 'link');

describe('linkify', () => {
  it('keeps every character of the text, in order', () => {
    for (const text of ['plain', 'see https://a.example/x, then mailto:b@c.example.', '<b>https://a.example</b>', '']) {
      expect(linkify(text).map((t) => t.text).join('')).to.equal(text);
    }
  });

  it('links http, https and mailto addresses only', () => {
    const text = 'https://a.example http://b.example/p?q=1#h mailto:ann@c.example javascript:alert(1) data:text/html,x ftp://d.example file:///etc/passwd';
    expect(links(text).map((l) => l.href)).to.deep.equal(['https://a.example/', 'http://b.example/p?q=1#h', 'mailto:ann@c.example']);
  });

  it('leaves sentence punctuation and unopened brackets outside the link', () => {
    expect(links('Look: https://a.example/x.').map((l) => l.text)).to.deep.equal(['https://a.example/x']);
    expect(links('(see https://a.example/y)!').map((l) => l.text)).to.deep.equal(['https://a.example/y']);
    expect(links('https://en.wikipedia.org/wiki/Lit_(software)').map((l) => l.text)).to.deep.equal(['https://en.wikipedia.org/wiki/Lit_(software)']);
  });

  it('ends a link where Chinese text or full-width punctuation starts', () => {
    expect(links('请看https://a.example/doc。谢谢').map((l) => l.text)).to.deep.equal(['https://a.example/doc']);
    expect(links('链接：https://a.example，好').map((l) => l.text)).to.deep.equal(['https://a.example']);
  });

  it('stops at quotes and angle brackets, so markup around a link stays text', () => {
    const tokens = linkify('<a href="https://a.example/">x</a>');
    expect(tokens.map((t) => [t.kind, t.text])).to.deep.equal([['text', '<a href="'], ['link', 'https://a.example/'], ['text', '">x</a>']]);
  });

  it('needs a host or an addressee', () => {
    expect(links('https:// mailto: http://')).to.deep.equal([]);
  });
});
