import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CrashPolicy } from '../src/crashes';

describe('CrashPolicy', () => {
  it('keeps the connection after a stream error without a count (a dying server\'s EPIPE)', () => {
    const p = new CrashPolicy();
    assert.equal(p.continueAfterError(undefined), true);
    assert.equal(p.continueAfterError(1), true);
    assert.equal(p.continueAfterError(3), true);
    assert.equal(p.continueAfterError(4), false);
  });

  it('restarts up to the limit within the window, then gives up, and counts again later', () => {
    const p = new CrashPolicy(4, 1000);
    assert.deepEqual([p.restartAfterClose(0), p.restartAfterClose(10), p.restartAfterClose(20), p.restartAfterClose(30)], [1, 2, 3, 4]);
    assert.equal(p.restartAfterClose(40), 0);
    // At 1015 the restarts at 0 and 10 have left the window; those at 20 and 30 still count.
    assert.equal(p.restartAfterClose(1015), 3);
  });
});
