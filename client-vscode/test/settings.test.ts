import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CHECK_CODES,
  FORMAT_OPTIONS,
  needsRestart,
  normaliseRequiredFields,
  openSettingCommand,
  parseVmArgs,
  toFormatSettings,
  toServerSettings,
} from '../src/settings';
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

describe('toFormatSettings', () => {
  it('sends only the options that are not "default", as the server reads them', () => {
    const s = toServerSettings(
      getter({
        'format.indent': 'tab',
        'format.alignEquals': 'on',
        'format.fieldOrder': 'default',
        'format.delimiters': 'quotes',
        'format.lowercaseTypes': 'off',
        'format.trailingComma': 'on',
        'format.numbers': 'unbraced',
      }),
    );
    assert.deepEqual(s.format, {
      indent: '\t',
      alignEquals: true,
      delimiters: 'quotes',
      lowercaseTypes: false,
      trailingComma: true,
      numbers: 'unbraced',
    });
  });
  it('maps indents to the literal whitespace', () => {
    assert.deepEqual(toFormatSettings(getter({ 'format.indent': '2' })), { indent: '  ' });
    assert.deepEqual(toFormatSettings(getter({ 'format.indent': '4' })), { indent: '    ' });
  });
  it('omits the section when nothing is set, and drops unknown values', () => {
    const s = toServerSettings(getter({ 'format.alignEquals': 'default', 'format.numbers': 'roman', 'format.indent': 3 }));
    assert.equal('format' in s, false);
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
    assert.deepEqual(parseVmArgs(undefined), ['-Xmx512m', '-XX:+UseSerialGC', '-XX:SurvivorRatio=2', '-XX:TargetSurvivorRatio=80']);
    assert.deepEqual(parseVmArgs('   '), []);
  });
});

describe('openSettingCommand', () => {
  it('opens the User settings locally and the Remote settings in a remote window', () => {
    assert.deepEqual(openSettingCommand('bibmark.java.home', undefined), ['workbench.action.openSettings', 'bibmark.java.home']);
    assert.deepEqual(openSettingCommand('bibmark.java.home', 'ssh-remote'), [
      'workbench.action.openRemoteSettings',
      { query: 'bibmark.java.home' },
    ]);
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
  it('declares every format option with "default" first and the values settings.ts maps', () => {
    const declared = Object.keys(props).filter((k) => k.startsWith('bibmark.format.')).sort();
    assert.deepEqual(declared, Object.keys(FORMAT_OPTIONS).map((o) => `bibmark.format.${o}`).sort());
    for (const [option, values] of Object.entries(FORMAT_OPTIONS)) {
      const p = props[`bibmark.format.${option}`];
      assert.equal(p.default, 'default');
      assert.equal(p.enum?.[0], 'default', option);
      // Integer-like keys ("2", "4") come first in a JS object, so compare as sets.
      assert.deepEqual([...(p.enum ?? [])].slice(1).sort(), Object.keys(values).sort(), option);
    }
  });
  it('every server setting with a non-default value reaches the server', () => {
    const clientOnly = new Set(['bibmark.java.home', 'bibmark.server.vmargs', 'bibmark.trace.server']);
    for (const [key, p] of Object.entries(props)) {
      if (clientOnly.has(key)) {
        continue;
      }
      const rel = key.slice('bibmark.'.length);
      const value =
        p.enum !== undefined
          ? p.enum.find((v) => v !== p.default)
          : typeof p.default === 'number'
            ? 999
            : Array.isArray(p.default)
              ? ['READ', 'SKIMMED']
              : typeof p.default === 'string'
                ? '[auth][year]'
                : { misc: ['note'] };
      const sent = JSON.stringify(toServerSettings(getter({ [rel]: value })));
      const baseline = JSON.stringify(toServerSettings(getter({})));
      assert.notEqual(sent, baseline, `${key} = ${JSON.stringify(value)} does not reach the server`);
    }
  });
  it('has the documented defaults', () => {
    assert.equal(props['bibmark.diagnostics.debounceMs'].default, 200);
    assert.equal(props['bibmark.server.vmargs'].default, '-Xmx512m -XX:+UseSerialGC -XX:SurvivorRatio=2 -XX:TargetSurvivorRatio=80');
    assert.deepEqual(props['bibmark.trace.server'].enum, ['off', 'messages', 'verbose']);
  });
});

describe('check codes', () => {
  // The server's enum is the source of truth; read it when the repository is around.
  const codeJava = path.resolve(__dirname, '..', '..', 'src', 'main', 'java', 'dev', 'bibmark', 'checks', 'Code.java');
  it('match the server\'s Code enum', { skip: !fs.existsSync(codeJava) && 'server sources not found' }, () => {
    const ids = [...fs.readFileSync(codeJava, 'utf8').matchAll(/^\s*[A-Z_]+\("([a-z-]+)",\s*Severity\./gm)].map((m) => m[1]);
    assert.ok(ids.length > 0, 'no codes parsed from Code.java');
    assert.deepEqual([...CHECK_CODES].sort(), ids.sort());
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
