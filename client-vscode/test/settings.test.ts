import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CHECK_CODES, needsRestart, normaliseRequiredFields, parseVmArgs, toServerSettings } from '../src/settings';
import { shouldRetriggerSuggest } from '../src/suggest';
import * as pkg from '../package.json';

function getter(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('toServerSettings', () => {
  it('maps defaults to the minimal server shape', () => {
    const defaults: Record<string, unknown> = { 'diagnostics.debounceMs': 200, requiredFields: {} };
    for (const code of CHECK_CODES) {
      defaults[`checks.${code}`] = 'default';
    }
    assert.deepEqual(toServerSettings(getter(defaults)), {
      checks: {},
      requiredFields: {},
      diagnostics: { debounceMs: 200 },
    });
  });
  it('keeps explicit severities, omits default and junk', () => {
    const s = toServerSettings(
      getter({
        'checks.missing-field': 'warning',
        'checks.duplicate-key': 'off',
        'checks.empty-field': 'default',
        'checks.invalid-key': 'fatal',
        'checks.not-a-check': 'error',
        'diagnostics.debounceMs': 350,
      }),
    );
    assert.deepEqual(s.checks, { 'duplicate-key': 'off', 'missing-field': 'warning' });
    assert.equal(s.diagnostics.debounceMs, 350);
  });
  it('falls back to 200 ms for a bad debounce', () => {
    assert.equal(toServerSettings(getter({ 'diagnostics.debounceMs': -5 })).diagnostics.debounceMs, 200);
    assert.equal(toServerSettings(getter({ 'diagnostics.debounceMs': 'x' })).diagnostics.debounceMs, 200);
    assert.equal(toServerSettings(getter({})).diagnostics.debounceMs, 200);
  });
  it('is JSON-serialisable as sent to the server', () => {
    const s = toServerSettings(getter({ 'checks.bibtex-syntax': 'error', requiredFields: { Article: ['DOI | url'] } }));
    assert.equal(
      JSON.stringify(s),
      '{"checks":{"bibtex-syntax":"error"},"requiredFields":{"article":["doi|url"]},"diagnostics":{"debounceMs":200}}',
    );
  });
});

describe('normaliseRequiredFields', () => {
  it('lower-cases types and fields, keeps either-or groups, drops junk', () => {
    assert.deepEqual(
      normaliseRequiredFields({ Article: ['Year', 'doi|URL', '', 3, '|'], misc: 'title', inproceedings: [] }),
      { article: ['year', 'doi|url'], inproceedings: [] },
    );
  });
  it('ignores non-objects', () => {
    assert.deepEqual(normaliseRequiredFields(null), {});
    assert.deepEqual(normaliseRequiredFields(['article']), {});
  });
});

describe('parseVmArgs', () => {
  it('splits on whitespace', () => {
    assert.deepEqual(parseVmArgs('-Xmx256m  -XX:+UseSerialGC'), ['-Xmx256m', '-XX:+UseSerialGC']);
  });
  it('honours quotes', () => {
    assert.deepEqual(parseVmArgs('-Dx="a b" \'-Dy=c d\''), ['-Dx=a b', '-Dy=c d']);
  });
  it('uses the default for a non-string and nothing for an empty string', () => {
    assert.deepEqual(parseVmArgs(undefined), ['-Xmx256m', '-XX:+UseSerialGC']);
    assert.deepEqual(parseVmArgs('   '), []);
  });
});

describe('needsRestart', () => {
  it('is true only for java.home and server.vmargs', () => {
    assert.equal(needsRestart((s) => s === 'bibmark.java.home'), true);
    assert.equal(needsRestart((s) => s === 'bibmark.server.vmargs'), true);
    assert.equal(needsRestart((s) => s === 'bibmark.checks.missing-field'), false);
  });
});

describe('package.json contributions', () => {
  const props = pkg.contributes.configuration.properties as Record<string, { default?: unknown; enum?: string[] }>;
  it('declares one setting per check code with the severity enum', () => {
    for (const code of CHECK_CODES) {
      const p = props[`bibmark.checks.${code}`];
      assert.ok(p, `missing bibmark.checks.${code}`);
      assert.equal(p.default, 'default');
      assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off', 'default']);
    }
    const declared = Object.keys(props).filter((k) => k.startsWith('bibmark.checks.'));
    assert.equal(declared.length, CHECK_CODES.length);
  });
  it('has the documented defaults', () => {
    assert.equal(props['bibmark.diagnostics.debounceMs'].default, 200);
    assert.equal(props['bibmark.server.vmargs'].default, '-Xmx256m -XX:+UseSerialGC');
    assert.deepEqual(props['bibmark.trace.server'].enum, ['off', 'messages', 'verbose']);
  });
});

describe('shouldRetriggerSuggest', () => {
  const del = [{ rangeLength: 1, text: '' }];
  it('fires after deleting back to @ or [@', () => {
    assert.equal(shouldRetriggerSuggest(del, 'see @'), true);
    assert.equal(shouldRetriggerSuggest(del, 'see [@'), true);
    assert.equal(shouldRetriggerSuggest(del, '@'), true);
    assert.equal(shouldRetriggerSuggest(del, '[@a; @'), true);
  });
  it('does not fire for typing, multi-char deletions, or e-mail addresses', () => {
    assert.equal(shouldRetriggerSuggest([{ rangeLength: 0, text: 'x' }], 'see @'), false);
    assert.equal(shouldRetriggerSuggest([{ rangeLength: 3, text: '' }], 'see @'), false);
    assert.equal(shouldRetriggerSuggest([...del, ...del], 'see @'), false);
    assert.equal(shouldRetriggerSuggest(del, 'mail me@'), false);
    assert.equal(shouldRetriggerSuggest(del, 'see @ab'), false);
  });
});
