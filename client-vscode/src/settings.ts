/**
 * Maps VS Code `bibmark.*` settings to the JSON shape the server reads
 * (initializationOptions, workspace/configuration for section "bibmark",
 * and workspace/didChangeConfiguration):
 *
 *   {"checks": {code: severity}, "requiredFields": {type: [field, "a|b"]}, "diagnostics": {"debounceMs": N},
 *    "format": {option: value}}
 *
 * Values left at "default" are omitted so that the server's own defaults (and `.bibmark.json`) apply;
 * "format" is omitted entirely when no formatting option is set.
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
  'title-mismatch',
  'link-mismatch',
  'missing-citation',
  'invalid-status',
  'undefined-citation',
  'unmarked-bibtex',
  'key-convention',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEFAULT_DEBOUNCE_MS = 200;
export const DEFAULT_VMARGS = '-Xmx512m -XX:+UseSerialGC -XX:SurvivorRatio=2 -XX:TargetSurvivorRatio=80';

/** Settings whose change needs a server restart (they shape the launched process). */
export const RESTART_SETTINGS = ['bibmark.java.home', 'bibmark.server.vmargs'] as const;

/**
 * Formatting options as the server reads them (section "format"). Each VS Code setting
 * `bibmark.format.<name>` is an enum whose first value, "default", leaves the option to the server.
 */
export interface FormatSettings {
  /** The indentation of a field line: "\t" or a run of spaces. */
  indent?: string;
  /** Pad field names so that the `=` signs of an entry line up. */
  alignEquals?: boolean;
  /** `title = {…}` (on) or `title={…}` (off). */
  spaceAroundEquals?: boolean;
  /** "keep" the fields' order, or sort them into the "common" order (title, author, ...). */
  fieldOrder?: 'keep' | 'standard';
  /** Delimit values with {braces} or "quotes". */
  delimiters?: 'braces' | 'quotes';
  lowercaseTypes?: boolean;
  lowercaseFieldNames?: boolean;
  /** A comma after the last field. */
  trailingComma?: boolean;
  /** Plain numbers (year = 2017) "unbraced" or "braced" (year = {2017}). */
  numbers?: 'unbraced' | 'braced';
}

export type FormatOption = keyof FormatSettings;

type FormatValueMap = Record<string, string | boolean>;

const ON_OFF: FormatValueMap = { on: true, off: false };

/**
 * For each option: the VS Code enum values (besides "default") and what each sends to the server.
 * package.json's `bibmark.format.*` enums must match (a unit test checks it).
 */
export const FORMAT_OPTIONS: Record<FormatOption, FormatValueMap> = {
  indent: { tab: '\t', '2': '  ', '4': '    ', '6': '      ' },
  alignEquals: ON_OFF,
  spaceAroundEquals: ON_OFF,
  fieldOrder: { keep: 'keep', common: 'standard' },
  delimiters: { braces: 'braces', quotes: 'quotes' },
  lowercaseTypes: ON_OFF,
  lowercaseFieldNames: ON_OFF,
  trailingComma: ON_OFF,
  numbers: { unbraced: 'unbraced', braced: 'braced' },
};

export interface ServerSettings {
  checks: Partial<Record<CheckCode, Severity>>;
  requiredFields: Record<string, string[]>;
  diagnostics: { debounceMs: number };
  format?: FormatSettings;
  /** The status tags a paper heading may carry (omitted: the server's READ, UNREAD). */
  status?: { tags: string[] };
  /** The key pattern of the key-convention check (omitted: the server's default). */
  keyPattern?: string;
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
  const settings: ServerSettings = {
    checks,
    requiredFields: normaliseRequiredFields(get('requiredFields')),
    diagnostics: { debounceMs: normaliseDebounce(get('diagnostics.debounceMs')) },
  };
  const format = toFormatSettings(get);
  if (Object.keys(format).length > 0) {
    settings.format = format;
  }
  const tags = get('status.tags');
  if (Array.isArray(tags)) {
    const clean = tags.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter((t) => t.length > 0);
    if (clean.length > 0) {
      settings.status = { tags: Array.from(new Set(clean)) };
    }
  }
  const pattern = get('keyPattern');
  if (typeof pattern === 'string' && pattern.trim().length > 0) {
    settings.keyPattern = pattern.trim();
  }
  return settings;
}

/** The `bibmark.format.*` options that are set to something other than "default" (unknown values are dropped). */
export function toFormatSettings(get: SettingGetter): FormatSettings {
  const format: Record<string, string | boolean> = {};
  for (const [option, values] of Object.entries(FORMAT_OPTIONS)) {
    const v = get(`format.${option}`);
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(values, v)) {
      format[option] = values[v];
    }
  }
  return format as FormatSettings;
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

/**
 * The command (and its argument) that shows one setting in the Settings editor. A machine-scoped setting
 * such as `bibmark.java.home` belongs to the machine the extension runs on: in a remote window (SSH, WSL,
 * containers, code-server) the User tab does not list it, so the Remote tab must be opened instead.
 */
export function openSettingCommand(setting: string, remoteName: string | undefined): [string, unknown] {
  return remoteName
    ? ['workbench.action.openRemoteSettings', { query: setting }]
    : ['workbench.action.openSettings', setting];
}
