/**
 * One log line about what the running server offers, e.g.
 * "bibmark 0.1.0 ready; capabilities: completionProvider, hoverProvider, textDocumentSync".
 * Users (and the end-to-end tests) read it in the bibmark output channel to see which
 * features the installed server has, e.g. whether quick-fixes (codeActionProvider) exist yet.
 * Pure module: no `vscode` import.
 */

/** The names of the capabilities that are present and not switched off, sorted. */
export function capabilityNames(capabilities: object | undefined): string[] {
  if (!capabilities) {
    return [];
  }
  return Object.entries(capabilities)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k]) => k)
    .sort();
}

export function describeServer(
  serverInfo: { name: string; version?: string } | undefined,
  capabilities: object | undefined,
): string {
  const name = serverInfo ? `${serverInfo.name}${serverInfo.version ? ` ${serverInfo.version}` : ''}` : 'server';
  const names = capabilityNames(capabilities);
  return `${name} ready; capabilities: ${names.length > 0 ? names.join(', ') : 'none'}`;
}

/** The commands the server executes (`workspace/executeCommand`), from its capabilities. */
export function serverCommands(capabilities: { executeCommandProvider?: { commands?: string[] } } | undefined): string[] {
  return [...(capabilities?.executeCommandProvider?.commands ?? [])];
}
