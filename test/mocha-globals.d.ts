/**
 * Mocha's globals as web-test-runner provides them to browser tests (`*.test.ts` under core/ and
 * components/). Only what tests use; Node tests import theirs from `node:test` instead.
 */
interface MochaContext {
  timeout(ms: number): void;
  retries(count: number): void;
  skip(): never;
}
type MochaDone = (error?: unknown) => void;
type MochaTest = (this: MochaContext, done: MochaDone) => void | Promise<unknown>;
type MochaSuite = (this: MochaContext) => void;
type MochaHook = (this: MochaContext, done: MochaDone) => void | Promise<unknown>;

declare function describe(title: string, suite: MochaSuite): void;
declare namespace describe {
  function only(title: string, suite: MochaSuite): void;
  function skip(title: string, suite: MochaSuite): void;
}
declare function it(title: string, test?: MochaTest): void;
declare namespace it {
  function only(title: string, test?: MochaTest): void;
  function skip(title: string, test?: MochaTest): void;
}
declare function before(hook: MochaHook): void;
declare function after(hook: MochaHook): void;
declare function beforeEach(hook: MochaHook): void;
declare function afterEach(hook: MochaHook): void;
