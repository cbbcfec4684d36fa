/**
 * Maps VS Code `bibmark.*` settings to the JSON shape the server reads
 * (initializationOptions, workspace/configuration for section "bibmark",
 * and workspace/didChangeConfiguration):
 *
 *   {"checks": {code: severity}, "requiredFields": {type: [field, "a|b"]}, "diagnostics": {"debounceMs": N}}
 *
 * Pure module: no `vscode` import.
 */

export const SECTION = 'bibmark';

export const CHECK_CODES = [
  'bibtex-syntax',
  'duplicate-key',
  'duplicate-entry',
  'missing-field',
  'empty-field',
  'duplicate-field',
  'unknown-entry-type',
  'undefined-string',
  'invalid-key',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEFAULT_DEBOUNCE_MS = 200;
export const DEFAULT_VMARGS = '-Xmx256m -XX:+UseSerialGC';

/** Settings whose change needs a server restart (they shape the launched process). */
export const RESTART_SETTINGS = ['bibmark.java.home', 'bibmark.server.vmargs'] as const;

export interface ServerSettings {
  checks: Partial<Record<CheckCode, Severity>>;
  requiredFields: Record<string, string[]>;
  diagnostics: { debounceMs: number };
}

/** Reads a key relative to the `bibmark` section, like `WorkspaceConfiguration.get`. */
export type SettingGetter = (key: string) => unknown;

function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

export function toServerSettings(get: SettingGetter): ServerSettings {
  const checks: Partial<Record<CheckCode, Severity>> = {};
  for (const code of CHECK_CODES) {
    const v = get(`checks.${code}`);
    // "default" (and anything unknown) is omitted: the server keeps its built-in severity.
    if (isSeverity(v)) {
      checks[code] = v;
    }
  }
  return {
    checks,
    requiredFields: normaliseRequiredFields(get('requiredFields')),
    diagnostics: { debounceMs: normaliseDebounce(get('diagnostics.debounceMs')) },
  };
}

export function normaliseRequiredFields(raw: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return result;
  }
  for (const [type, fields] of Object.entries(raw as Record<string, unknown>)) {
    const t = type.trim().toLowerCase();
    if (!t || !Array.isArray(fields)) {
      continue;
    }
    const clean = fields
      .filter((f): f is string => typeof f === 'string')
      .map((f) =>
        f
          .split('|')
          .map((alt) => alt.trim().toLowerCase())
          .filter((alt) => alt.length > 0)
          .join('|'),
      )
      .filter((f) => f.length > 0);
    result[t] = clean;
  }
  return result;
}

export function normaliseDebounce(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
    return DEFAULT_DEBOUNCE_MS;
  }
  return Math.min(Math.round(raw), 60_000);
}

/** Splits `bibmark.server.vmargs` like a shell would for simple quoting ("a b" and 'a b'). */
export function parseVmArgs(raw: unknown): string[] {
  const s = typeof raw === 'string' ? raw : DEFAULT_VMARGS;
  const args: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|([^\s"']+)/g;
  let current = '';
  let inArg = false;
  let lastEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const piece = m[1] ?? m[2] ?? m[3] ?? '';
    if (inArg && m.index === lastEnd) {
      current += piece; // adjacent pieces like -Dx="a b" form one argument
    } else {
      if (inArg) {
        args.push(current);
      }
      current = piece;
      inArg = true;
    }
    lastEnd = m.index + m[0].length;
  }
  if (inArg) {
    args.push(current);
  }
  return args;
}

/** True when a configuration change touches a setting that needs a restart. */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_SETTINGS.some((s) => affects(s));
}
