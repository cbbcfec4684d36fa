/**
 * What the extension does when the server's connection errs or closes, apart from VS Code (so it is unit-tested).
 *
 * A connection error is not a reason to stop: when the server process dies, the stream reports EPIPE (with no
 * error count: vscode-jsonrpc fires stream errors without one) before or after the connection closes, and
 * stopping there would keep the close from restarting the server. The close decides: up to `maxRestarts`
 * restarts within `windowMs`, then give up.
 */
export class CrashPolicy {
  private restarts: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Whether to keep the connection after an error: yes for the first few (or uncounted) errors. */
  continueAfterError(count: number | undefined): boolean {
    return count === undefined || count <= 3;
  }

  /** On a closed connection at `now` (ms): the restart number (1-based) to make, or 0 to give up. */
  restartAfterClose(now: number): number {
    this.restarts = this.restarts.filter((t) => now - t < this.windowMs);
    if (this.restarts.length < this.maxRestarts) {
      this.restarts.push(now);
      return this.restarts.length;
    }
    return 0;
  }
}
