import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { describeFailure, findJava, javaCandidates, JavaDeps, parseJavaMajorVersion } from '../src/java';

describe('parseJavaMajorVersion', () => {
  const cases: Array<[string, number | undefined]> = [
    ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment (build 1.8.0_392-b08)', 8],
    ['openjdk version "1.8.0_412"\nOpenJDK Runtime Environment', 8],
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment Temurin-17.0.15+6', 17],
    ['openjdk version "21" 2023-09-19\nOpenJDK Runtime Environment (build 21+35-2513)', 21],
    ['openjdk version "25-ea" 2025-09-16\nOpenJDK Runtime Environment (build 25-ea+20-2282)', 25],
    ['openjdk version "22+36"', 22],
    ['Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "11.0.2" 2019-01-15', 11],
    ['openjdk 21.0.5 2024-10-15 LTS\nOpenJDK Runtime Environment', 21],
    ['java 17.0.10 2024-01-16 LTS', 17],
    ['bash: java: command not found', undefined],
    ['', undefined],
  ];
  for (const [out, expected] of cases) {
    it(`${JSON.stringify(out.split('\n')[0])} -> ${expected}`, () => {
      assert.equal(parseJavaMajorVersion(out), expected);
    });
  }
});

function deps(files: Record<string, string | Error>, env: Record<string, string>, platform: NodeJS.Platform = 'linux'): JavaDeps & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    env,
    platform,
    exists: (f) => f in files,
    runVersion: async (exe) => {
      ran.push(exe);
      const v = files[exe];
      if (v instanceof Error) {
        throw v;
      }
      return v;
    },
  };
}

const V8 = 'java version "1.8.0_392"';
const V17 = 'openjdk version "17.0.15" 2025-04-15';
const V21 = 'openjdk version "21" 2023-09-19';

describe('javaCandidates', () => {
  it('orders setting, JAVA_HOME, PATH and takes only the first java on PATH', () => {
    const d = deps({ '/b/java': V17, '/c/java': V21 }, { JAVA_HOME: '/jh', PATH: '/a:/b:/c' });
    assert.deepEqual(javaCandidates('/setting', d), [
      { source: 'bibmark.java.home', executable: '/setting/bin/java' },
      { source: 'JAVA_HOME', executable: '/jh/bin/java' },
      { source: 'PATH', executable: '/b/java' },
    ]);
  });
  it('skips empty setting and JAVA_HOME', () => {
    const d = deps({ '/usr/bin/java': V17 }, { JAVA_HOME: '  ', PATH: '/usr/bin' });
    assert.deepEqual(javaCandidates('', d), [{ source: 'PATH', executable: '/usr/bin/java' }]);
  });
  it('uses java.exe, ";" and Path on Windows', () => {
    const d = deps({ 'C:\\jdk\\bin\\java.exe': V17 }, { Path: 'C:\\none;"C:\\jdk\\bin"' }, 'win32');
    assert.deepEqual(javaCandidates(undefined, d), [{ source: 'PATH', executable: 'C:\\jdk\\bin\\java.exe' }]);
  });
});

describe('findJava', () => {
  it('prefers the setting over JAVA_HOME and PATH', async () => {
    const d = deps({ '/s/bin/java': V21, '/jh/bin/java': V17, '/p/java': V17 }, { JAVA_HOME: '/jh', PATH: '/p' });
    const r = await findJava('/s', d);
    assert.ok(r.ok);
    assert.equal(r.executable, '/s/bin/java');
    assert.equal(r.version, 21);
    assert.equal(r.source, 'bibmark.java.home');
    assert.deepEqual(d.ran, ['/s/bin/java']);
  });
  it('falls back to JAVA_HOME, then PATH, rejecting Java < 17', async () => {
    const d = deps({ '/jh/bin/java': V8, '/p/java': V17 }, { JAVA_HOME: '/jh', PATH: '/p' });
    const r = await findJava('/missing', d);
    assert.ok(r.ok);
    assert.equal(r.executable, '/p/java');
    assert.equal(r.source, 'PATH');
    assert.deepEqual(
      r.probes.map((p) => [p.candidate.source, p.version ?? p.error]),
      [
        ['bibmark.java.home', 'not found'],
        ['JAVA_HOME', 8],
        ['PATH', 17],
      ],
    );
  });
  it('skips a java that cannot be run', async () => {
    const d = deps({ '/jh/bin/java': new Error('EACCES'), '/p/java': V21 }, { JAVA_HOME: '/jh', PATH: '/p' });
    const r = await findJava(undefined, d);
    assert.ok(r.ok);
    assert.equal(r.version, 21);
  });
  it('reports the old Java it found, with its path', async () => {
    const d = deps({ '/jh/bin/java': V8 }, { JAVA_HOME: '/jh', PATH: '/nothing' });
    const r = await findJava(undefined, d);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.match(r.message, /^bibmark needs Java 17 or newer; found Java 8 at \/jh\/bin\/java \(from JAVA_HOME\)/);
  });
  it('says so when no Java exists at all', async () => {
    const r = await findJava(undefined, deps({}, { PATH: '/a:/b' }));
    assert.ok(!r.ok);
    assert.match(r.message, /found none \(checked bibmark\.java\.home, JAVA_HOME and PATH\)/);
  });
  it('describes an unparsable java', () => {
    const msg = describeFailure([{ candidate: { source: 'PATH', executable: '/x/java' }, error: 'unrecognised `java -version` output' }]);
    assert.match(msg, /found \/x\/java \(from PATH\), but it is unrecognised/);
  });
});
