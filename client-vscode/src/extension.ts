import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  Message,
  ServerOptions,
  State,
  TransportKind,
  WorkDoneProgress,
  WorkDoneProgressBegin,
  WorkDoneProgressReport,
} from 'vscode-languageclient/node';

import { describeServer, serverCommands } from './capabilities';
import { CrashPolicy } from './crashes';
import { findJava } from './java';
import { SECTION, needsRestart, openSettingCommand, parseVmArgs, toServerSettings, ServerSettings } from './settings';
import { shouldRetriggerSuggest } from './suggest';

/**
 * The language ids the server reads as Markdown: plain Markdown, and Pandoc's dialects with their own ids in VS Code,
 * Quarto (the Quarto extension's `quarto`, for `.qmd`) and R Markdown (`rmd`, for `.Rmd`).
 */
const MARKDOWN_LANGUAGES = ['markdown', 'quarto', 'rmd'];

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let traceOutput: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let javaWarningShown = false;
let progressTracking: vscode.Disposable | undefined;

function currentSettings(): ServerSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return toServerSettings((key) => cfg.get(key));
}

function setStatus(text: string, tooltip: string, error = false): void {
  status.text = text;
  status.tooltip = `${tooltip}\nClick to show the bibmark output.`;
  status.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

function runJavaVersion(executable: string): Promise<string> {
  return new Promise((resolve, reject) => {
    cp.execFile(executable, ['-version'], { timeout: 15_000, windowsHide: true }, (err, stdout, stderr) => {
      const text = `${stdout ?? ''}${stderr ?? ''}`;
      if (err && !text.trim()) {
        reject(err);
      } else {
        resolve(text);
      }
    });
  });
}

function fileExists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Crash handling ({@link CrashPolicy}): errors never stop the client; a closed connection restarts it a few times. */
class RestartingErrorHandler implements ErrorHandler {
  private readonly policy = new CrashPolicy(MAX_RESTARTS, RESTART_WINDOW_MS);

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    if (this.policy.continueAfterError(count)) {
      // Logged, not shown: a dying server's broken pipe is followed by the close, which restarts it.
      output.warn(`bibmark server connection error: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    }
    return { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const restart = this.policy.restartAfterClose(Date.now());
    if (restart > 0) {
      output.warn(`bibmark server stopped unexpectedly; restarting (${restart}/${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart, handled: true };
    }
    setStatus('$(error) bibmark', 'The bibmark server crashed repeatedly and was not restarted.', true);
    void vscode.window
      .showErrorMessage(
        `The bibmark language server crashed ${MAX_RESTARTS + 1} times in the last 3 minutes and will not be restarted. Use "bibmark: Restart Language Server" after fixing the cause.`,
        'Show Log',
      )
      .then((choice) => {
        if (choice === 'Show Log') {
          output.show(true);
        }
      });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

async function createClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const java = await findJava(cfg.get<string>('java.home'), {
    exists: fileExists,
    runVersion: runJavaVersion,
    env: process.env,
    platform: process.platform,
  });
  for (const probe of java.probes) {
    output.info(
      `Java candidate ${probe.candidate.executable} (${probe.candidate.source}): ` +
        (probe.version !== undefined ? `Java ${probe.version}` : probe.error ?? 'unknown'),
    );
  }
  if (!java.ok) {
    output.error(java.message);
    setStatus('$(error) bibmark', java.message, true);
    if (!javaWarningShown) {
      javaWarningShown = true;
      void vscode.window.showErrorMessage(java.message, 'Open Settings').then((choice) => {
        if (choice === 'Open Settings') {
          const [command, arg] = openSettingCommand('bibmark.java.home', vscode.env.remoteName);
          void vscode.commands.executeCommand(command, arg);
        }
      });
    }
    return undefined;
  }
  output.info(`Using Java ${java.version} at ${java.executable} (from ${java.source}).`);

  const jar = context.asAbsolutePath(path.join('server', 'bibmark.jar'));
  if (!fileExists(jar)) {
    const msg = `bibmark server jar not found at ${jar}; the extension package is incomplete.`;
    output.error(msg);
    setStatus('$(error) bibmark', msg, true);
    void vscode.window.showErrorMessage(msg);
    return undefined;
  }

  const args = [...parseVmArgs(cfg.get<string>('server.vmargs')), '-jar', jar, 'lsp', '--stdio'];
  const serverOptions: ServerOptions = {
    command: java.executable,
    args,
    transport: TransportKind.stdio,
  };
  output.info(`Starting: ${java.executable} ${args.join(' ')}`);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...[...MARKDOWN_LANGUAGES, 'bibtex'].flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      // Quarto and R Markdown files without an extension that gives them a language (plain text then).
      { scheme: 'file', pattern: '**/*.{qmd,Rmd,rmd}' },
    ],
    synchronize: { configurationSection: SECTION },
    initializationOptions: currentSettings(),
    outputChannel: output,
    traceOutputChannel: traceOutput,
    revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
    errorHandler: new RestartingErrorHandler(),
    middleware: {
      workspace: {
        // Answer workspace/configuration for "bibmark" with the server's JSON shape.
        configuration: async (params, token, next) => {
          const raw = await next(params, token);
          if (!Array.isArray(raw)) {
            return raw;
          }
          return params.items.map((item, i) =>
            item.section === SECTION ? currentSettings() : raw[i],
          );
        },
        // Send the mapped settings instead of the raw VS Code section.
        didChangeConfiguration: async () => {
          if (client?.isRunning()) {
            await client.sendNotification(DidChangeConfigurationNotification.type, {
              settings: { [SECTION]: currentSettings() },
            });
          }
        },
      },
    },
  };

  const lc = new LanguageClient('bibmark', 'bibmark', serverOptions, clientOptions);
  lc.onDidChangeState((e) => {
    if (e.newState === State.Starting) {
      setStatus('$(sync~spin) bibmark', 'bibmark: starting the language server…');
    } else if (e.newState === State.Running) {
      setStatus('$(check) bibmark', 'bibmark: ready');
      // On every (re)start: what this server offers, and which server commands the palette shows
      // (package.json `menus.commandPalette` tests `bibmark.serverCommands`).
      output.info(describeServer(lc.initializeResult?.serverInfo, lc.initializeResult?.capabilities));
      void vscode.commands.executeCommand('setContext', 'bibmark.serverCommands', serverCommands(lc.initializeResult?.capabilities));
    } else {
      setStatus('$(circle-slash) bibmark', 'bibmark: stopped');
    }
  });
  return lc;
}

/** Shows server-initiated work-done progress ("indexing N%") in the status bar. */
function trackProgress(lc: LanguageClient): vscode.Disposable {
  const titles = new Map<string | number, string>();
  return lc.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
    const token = params.token;
    const sub = lc.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === 'begin') {
        const begin = value as WorkDoneProgressBegin;
        titles.set(token, begin.title);
        showProgress(begin.title, begin.percentage, begin.message);
      } else if (value.kind === 'report') {
        const report = value as WorkDoneProgressReport;
        showProgress(titles.get(token) ?? 'working', report.percentage, report.message);
      } else {
        titles.delete(token);
        sub.dispose();
        if (lc.isRunning()) {
          setStatus('$(check) bibmark', 'bibmark: ready');
        }
      }
    });
    return null;
  });
}

function showProgress(title: string, percentage: number | undefined, message: string | undefined): void {
  const pct = percentage !== undefined ? ` ${Math.round(percentage)}%` : '';
  setStatus(`$(sync~spin) bibmark: ${title.toLowerCase()}${pct}`, `bibmark: ${title}${message ? ` — ${message}` : ''}`);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  setStatus('$(sync~spin) bibmark', 'bibmark: starting the language server…');
  const lc = await createClient(context);
  if (!lc) {
    return;
  }
  client = lc;
  try {
    await lc.start();
    progressTracking = trackProgress(lc);
  } catch (e) {
    const msg = `bibmark language server failed to start: ${e instanceof Error ? e.message : String(e)}`;
    output.error(msg);
    setStatus('$(error) bibmark', msg, true);
  }
}

async function stopClient(): Promise<void> {
  const lc = client;
  client = undefined;
  await vscode.commands.executeCommand('setContext', 'bibmark.serverCommands', []);
  progressTracking?.dispose();
  progressTracking = undefined;
  if (lc) {
    try {
      await lc.stop();
    } catch (e) {
      output.error(`Error while stopping the server: ${e instanceof Error ? e.message : String(e)}`);
    }
    await lc.dispose();
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  javaWarningShown = false;
  await stopClient();
  await startClient(context);
}

async function executeServerCommand(command: string, args: unknown[] = []): Promise<unknown> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('The bibmark language server is not running.');
    return undefined;
  }
  if (!serverCommands(client.initializeResult?.capabilities).includes(command)) {
    const server = client.initializeResult?.serverInfo;
    void vscode.window.showWarningMessage(
      `This bibmark server${server?.version ? ` (${server.version})` : ''} does not offer '${command}' yet.`,
    );
    return undefined;
  }
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  } catch (e) {
    const msg = `bibmark: ${command} failed: ${e instanceof Error ? e.message : String(e)}`;
    output.error(msg);
    void vscode.window.showErrorMessage(msg);
    return undefined;
  }
}

async function exportBib(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  // No argument: the whole workspace (the server takes a document URI to export one list only).
  const result = await executeServerCommand('bibmark.export', []);
  if (result === undefined) {
    return;
  }
  if (typeof result !== 'string') {
    void vscode.window.showErrorMessage('bibmark: the server returned no BibTeX to export.');
    return;
  }
  const folder =
    editor?.document.uri.scheme === 'file'
      ? vscode.Uri.joinPath(editor.document.uri, '..')
      : vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultUri = folder ? vscode.Uri.joinPath(folder, 'references.bib') : undefined;
  const target = await vscode.window.showSaveDialog({
    defaultUri,
    filters: { BibTeX: ['bib'] },
    saveLabel: 'Export',
    title: 'Export bibliography',
  });
  if (!target) {
    return;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(result, 'utf8'));
  const choice = await vscode.window.showInformationMessage(`bibmark: exported to ${target.fsPath}`, 'Open');
  if (choice === 'Open') {
    await vscode.window.showTextDocument(target);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('bibmark', { log: true });
  traceOutput = vscode.window.createOutputChannel('bibmark (trace)', { log: true });
  status = vscode.window.createStatusBarItem('bibmark.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'bibmark';
  status.command = 'bibmark.showOutput';
  context.subscriptions.push(output, traceOutput, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('bibmark.restartServer', () => restart(context)),
    vscode.commands.registerCommand('bibmark.showOutput', () => output.show(true)),
    // `bibmark.checkWorkspace` is a server command: vscode-languageclient registers every command in the
    // server's executeCommandProvider itself, so the extension must not register it (that would collide).
    vscode.commands.registerCommand('bibmark.exportBib', exportBib),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (needsRestart((s) => e.affectsConfiguration(s))) {
        const choice = await vscode.window.showInformationMessage(
          'bibmark: the Java settings changed. Restart the language server to apply them?',
          'Restart',
        );
        if (choice === 'Restart') {
          await restart(context);
        }
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document !== e.document || !MARKDOWN_LANGUAGES.includes(e.document.languageId)) {
        return;
      }
      if (e.contentChanges.length !== 1) {
        return;
      }
      const start = e.contentChanges[0].range.start;
      const before = e.document.lineAt(start.line).text.slice(0, start.character);
      if (shouldRetriggerSuggest(e.contentChanges, before)) {
        void vscode.commands.executeCommand('editor.action.triggerSuggest');
      }
    }),
  );

  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
