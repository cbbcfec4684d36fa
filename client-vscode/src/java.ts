/**
 * Java discovery for the bibmark language server.
 *
 * Pure module: no `vscode` import, all I/O injected, so it is unit-testable.
 * Order: the `bibmark.java.home` setting, then `JAVA_HOME`, then `java` on `PATH`.
 * The first candidate whose `java -version` reports a major version >= 17 wins.
 */
import * as path from 'path';

export const MIN_JAVA_VERSION = 17;

export type JavaSource = 'bibmark.java.home' | 'JAVA_HOME' | 'PATH';

export interface JavaCandidate {
  source: JavaSource;
  /** Absolute path of the `java` executable. */
  executable: string;
}

export interface JavaDeps {
  /** True when the file exists (and is a regular file or symlink to one). */
  exists(file: string): boolean;
  /** Runs `<executable> -version`; resolves to stdout+stderr, or rejects when it cannot be run. */
  runVersion(executable: string): Promise<string>;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

export interface JavaProbe {
  candidate: JavaCandidate;
  /** Parsed major version, when `java -version` ran and was understood. */
  version?: number;
  /** Why the probe failed (missing executable, could not run, unparsable output). */
  error?: string;
}

export type JavaResult =
  | { ok: true; executable: string; version: number; source: JavaSource; probes: JavaProbe[] }
  | { ok: false; message: string; probes: JavaProbe[] };

/**
 * Parses the major version from `java -version` (or `java --version`) output.
 * Handles legacy `1.8.0_392` (→ 8), `17.0.15`, `21`, `25-ea`, `22+36`.
 */
export function parseJavaMajorVersion(output: string): number | undefined {
  const quoted = /version\s+"([^"]+)"/.exec(output);
  const raw = quoted?.[1] ?? /^\s*(?:openjdk|java)\s+(\d[^\s]*)/im.exec(output)?.[1];
  if (!raw) {
    return undefined;
  }
  const legacy = /^1\.(\d+)/.exec(raw);
  if (legacy) {
    return Number(legacy[1]);
  }
  const modern = /^(\d+)/.exec(raw);
  if (!modern) {
    return undefined;
  }
  const major = Number(modern[1]);
  return Number.isFinite(major) && major > 0 ? major : undefined;
}

function pathApi(platform: NodeJS.Platform): typeof path.posix {
  return platform === 'win32' ? path.win32 : path.posix;
}

function javaExeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

/** The candidates in priority order; a missing source contributes nothing. */
export function javaCandidates(
  javaHomeSetting: string | undefined,
  deps: Pick<JavaDeps, 'env' | 'platform' | 'exists'>,
): JavaCandidate[] {
  const p = pathApi(deps.platform);
  const exe = javaExeName(deps.platform);
  const result: JavaCandidate[] = [];
  const setting = javaHomeSetting?.trim();
  if (setting) {
    result.push({ source: 'bibmark.java.home', executable: p.join(setting, 'bin', exe) });
  }
  const javaHome = deps.env.JAVA_HOME?.trim();
  if (javaHome) {
    result.push({ source: 'JAVA_HOME', executable: p.join(javaHome, 'bin', exe) });
  }
  // On Windows the variable is usually spelled "Path".
  const pathVar = deps.env.PATH ?? deps.env.Path ?? '';
  const delimiter = deps.platform === 'win32' ? ';' : ':';
  for (const dir of pathVar.split(delimiter)) {
    const d = dir.trim().replace(/^"(.*)"$/, '$1');
    if (!d) {
      continue;
    }
    const candidate = p.join(d, exe);
    if (deps.exists(candidate)) {
      result.push({ source: 'PATH', executable: candidate });
      break;
    }
  }
  return result;
}

/** Probes the candidates in order and returns the first one that is Java 17+. */
export async function findJava(javaHomeSetting: string | undefined, deps: JavaDeps): Promise<JavaResult> {
  const probes: JavaProbe[] = [];
  for (const candidate of javaCandidates(javaHomeSetting, deps)) {
    if (!deps.exists(candidate.executable)) {
      probes.push({ candidate, error: 'not found' });
      continue;
    }
    let output: string;
    try {
      output = await deps.runVersion(candidate.executable);
    } catch (e) {
      probes.push({ candidate, error: `could not run: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const version = parseJavaMajorVersion(output);
    if (version === undefined) {
      probes.push({ candidate, error: 'unrecognised `java -version` output' });
      continue;
    }
    probes.push({ candidate, version });
    if (version >= MIN_JAVA_VERSION) {
      return { ok: true, executable: candidate.executable, version, source: candidate.source, probes };
    }
  }
  return { ok: false, message: describeFailure(probes), probes };
}

/** One user-facing sentence: "bibmark needs Java 17 or newer; found X at Y". */
export function describeFailure(probes: JavaProbe[]): string {
  const head = `bibmark needs Java ${MIN_JAVA_VERSION} or newer`;
  const found = probes.find((p) => p.version !== undefined);
  if (found) {
    return `${head}; found Java ${found.version} at ${found.candidate.executable} (from ${found.candidate.source}). Set bibmark.java.home to a Java ${MIN_JAVA_VERSION}+ installation.`;
  }
  const broken = probes.find((p) => p.error && p.error !== 'not found') ?? probes[0];
  if (broken) {
    return `${head}; found ${broken.candidate.executable} (from ${broken.candidate.source}), but it is ${broken.error}. Set bibmark.java.home to a Java ${MIN_JAVA_VERSION}+ installation.`;
  }
  return `${head}; found none (checked bibmark.java.home, JAVA_HOME and PATH). Install Java ${MIN_JAVA_VERSION}+ or set bibmark.java.home.`;
}
