import { expect } from '@open-wc/testing';
import { measureLength } from './message-length.js';

describe('measureLength', () => {
  it('counts UTF-8 bytes, as the server does', () => {
    expect(measureLength('abc', 10).bytes).to.equal(3);
    expect(measureLength('你好', 10).bytes).to.equal(6);
    expect(measureLength('👍', 10).bytes).to.equal(4);
  });

  it('says how many characters to delete when over, whatever their width', () => {
    expect(measureLength('abcdef', 4)).to.include({ over: 2, left: 0 });
    expect(measureLength('ab你好', 6)).to.include({ over: 1 });
    expect(measureLength('a👍👍', 5)).to.include({ over: 1 });
  });

  it('counts what is left in characters as wide as the widest one typed', () => {
    expect(measureLength('abc', 10).left).to.equal(7);
    expect(measureLength('你', 10).left).to.equal(2);
    expect(measureLength('', 10)).to.include({ over: 0, left: 10 });
  });
});
