#!/usr/bin/env node
// One end-to-end scenario of the bibmark extension in a real VS Code (code-server), driven through
// Debian's chromium by playwright-core. run.sh starts a fresh code-server per scenario and calls:
//
//   node e2e.js SCENARIO URL WORKSPACE STATE_DIR ARTIFACT_DIR
//
// WORKSPACE is the temporary copy of the fixture that code-server has open, STATE_DIR the scenario's
// temporary folder (code-server's user data and extensions live there; the bibmark output channel's log
// file is found there), ARTIFACT_DIR where screenshots go. BIBMARK_JAR is the jar used for expectations
// (`bibmark check --format json` on the same copy). HOVER_SCREENSHOT, when set, is where the hover
// scenario saves its screenshot (run.sh points it at docs/img/vscode-hover.png).
//
// Exit status: 0 PASS, 3 SKIP (the scenario's feature is not offered by the server), 1 FAIL.
'use strict';
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [scenario, url, workspace, stateDir, artifactDir] = process.argv.slice(2);
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

class Skip extends Error {}

const quickRow = (label) => `.quick-input-widget .monaco-list-row[aria-label^="${label}"]`;

/** 1-based line and column of the first occurrence of `needle` in a workspace file (plus `shift` columns). */
function positionOf(file, needle, shift = 0) {
  const lines = fs.readFileSync(path.join(workspace, file), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const col = lines[i].indexOf(needle);
    if (col >= 0) {
      return { line: i + 1, col: col + 1 + shift };
    }
  }
  throw new Error(`fixture ${file} has no ${JSON.stringify(needle)}`);
}

/** What the CLI of the same server reports for the workspace copy: the expected diagnostics. */
function cliDiagnostics() {
  const jar = process.env.BIBMARK_JAR;
  if (!jar) {
    throw new Error('BIBMARK_JAR is not set');
  }
  let out;
  try {
    out = execFileSync('java', ['-jar', jar, 'check', '--format', 'json', '.'], { cwd: workspace, encoding: 'utf8', timeout: 60000 });
  } catch (e) {
    if (e.status !== 1 || !e.stdout) {
      throw e; // 1 = errors found, which is expected; anything else is a real failure
    }
    out = e.stdout;
  }
  const result = [];
  for (const f of JSON.parse(out).files) {
    for (const d of f.diagnostics) {
      result.push({
        file: path.basename(f.path),
        code: d.code,
        severity: d.severity,
        line: d.range.start.line + 1,
        col: d.range.start.character + 1,
      });
    }
  }
  return result;
}

/** The bibmark output channel's log file (a LogOutputChannel is written to disk under the user data dir). */
function bibmarkLog() {
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 8) {
      return;
    }
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p, depth + 1);
      } else if (/^(\d+-)?bibmark\.log$/.test(e.name)) {
        found.push(p);
      }
    }
  };
  walk(stateDir, 0);
  return found.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

async function waitFor(what, fn, timeoutMs, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) {
      return last;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30000);
  const ui = {
    page,
    async command(label) {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget .quick-input-box input');
      await page.keyboard.type(label);
      await page.waitForSelector(quickRow(label));
      await page.keyboard.press('Enter');
    },
    async open(file) {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget .quick-input-box input');
      await page.keyboard.type(file);
      await page.waitForSelector(quickRow(file));
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tabs-container .tab.active[aria-label^="${file}"]`);
      await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
      await page.waitForTimeout(300);
    },
    async goto(pos) {
      await page.keyboard.press('Control+G');
      await page.waitForSelector('.quick-input-widget .quick-input-box input');
      await page.keyboard.type(`${pos.line}:${pos.col}`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500); // a key sent at once after Ctrl+G may be lost
    },
    async save() {
      await page.keyboard.press('Control+S');
      await page.waitForSelector('.tabs-container .tab.active:not(.dirty)');
    },
    /** Waits for the extension's status bar item to say the server is ready. */
    async serverReady() {
      const item = page.locator('.statusbar-item', { hasText: 'bibmark' }).first();
      await waitFor('the bibmark status bar item to show "ready"', async () => {
        const label = (await item.getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) || '';
        if (/^error\b/.test(label)) {
          throw new Error(`bibmark status bar: ${label}\n${bibmarkLog()}`);
        }
        return /bibmark: ready/.test(label); // the accessible name is the item's text and its tooltip
      }, 60000);
    },
  };
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.statusbar', { timeout: 60000 });
    await page.waitForTimeout(1500);
    log('workbench up');
    const result = await SCENARIOS[scenario](ui);
    log(result ?? 'OK');
  } catch (e) {
    await page.screenshot({ path: path.join(artifactDir, `${scenario}-failure.png`) }).catch(() => {});
    throw e;
  } finally {
    await browser.close().catch(() => {});
  }
}

const SCENARIOS = {
  /** Opens a list and finds every diagnostic of `bibmark check`, with its code, in the Problems panel. */
  async diagnostics(ui) {
    const { page } = ui;
    const expected = cliDiagnostics();
    const files = [...new Set(expected.map((d) => d.file))];
    const codes = [...new Set(expected.map((d) => d.code))].sort();
    if (expected.length === 0) {
      throw new Error('the fixture has no problems: nothing to see');
    }
    log(`expecting ${expected.length} diagnostics in ${files.join(', ')}: ${codes.join(', ')}`);
    const first = fs.existsSync(path.join(workspace, 'corpus')) ? 'offload.md' : 'papers.md';
    await ui.open(first);
    await ui.serverReady();
    const at = expected.find((d) => d.file === first);
    await page.click('.editor-instance .monaco-editor .view-lines');
    await ui.goto(at);
    await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning');
    log(`squiggle shown in ${first} at ${at.line}:${at.col} (${at.code})`);
    await ui.command('View: Focus Problems');
    await page.waitForSelector('.markers-panel .monaco-list-row');
    await ui.command('View: Toggle Maximized Panel');
    // A problem row reads "<message> bibmark <code> [Ln L, Col C]" (source and code are separate elements).
    const isProblem = (r) => /\bbibmark [a-z-]+ \[Ln \d+, Col \d+\]$/.test(r);
    const rowTexts = async () => page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    let rows = [];
    try {
      await waitFor(`${expected.length} problems in the Problems panel`, async () => {
        rows = await rowTexts();
        return rows.filter(isProblem).length >= expected.length;
      }, 30000);
    } catch (e) {
      throw new Error(`${e.message}; rows:\n  ${rows.join('\n  ')}`);
    }
    const missing = expected.filter((d) => !rows.some((r) => isProblem(r) && r.endsWith(`bibmark ${d.code} [Ln ${d.line}, Col ${d.col}]`)));
    if (missing.length > 0) {
      throw new Error(`not in the Problems panel: ${JSON.stringify(missing)}; rows:\n  ${rows.join('\n  ')}`);
    }
    const problems = rows.filter(isProblem);
    if (problems.length !== expected.length) {
      throw new Error(`Problems panel shows ${problems.length} bibmark problems, bibmark check ${expected.length}:\n  ${problems.join('\n  ')}`);
    }
    const status = await page.getAttribute('#status\\.problems', 'aria-label').catch(() => '');
    for (const p of problems) {
      log('  problem:', p);
    }
    await page.screenshot({ path: path.join(artifactDir, 'diagnostics.png') });
    return `PASS: ${problems.length} problems with codes ${codes.join(', ')} in ${files.join(', ')} (status bar: ${status})`;
  },

  /** Types `[@` after "Related work:", sees the key list, narrows it and accepts a key. */
  async completion(ui) {
    const { page } = ui;
    await ui.open('papers.md');
    await ui.serverReady();
    const pos = positionOf('papers.md', 'Related work:', 'Related work:'.length);
    await page.click('.editor-instance .monaco-editor .view-lines');
    await ui.goto(pos);
    await page.keyboard.type(' see [@');
    const list = '.editor-widget.suggest-widget.visible .monaco-list-row';
    await page.waitForSelector(list, { timeout: 15000 });
    const labels = await page.$$eval(list, (rows) => rows.map((r) => r.getAttribute('aria-label') || r.innerText));
    log('completion after "[@":', JSON.stringify(labels));
    for (const key of ['vaswani2017attention', 'devlin2018bert', 'brown2020language']) {
      if (!labels.some((l) => l.includes(key))) {
        throw new Error(`key ${key} not offered after "[@"; got ${JSON.stringify(labels)}`);
      }
    }
    await page.keyboard.type('devl');
    await waitFor('devlin2018bert to be the focused suggestion', async () => {
      const focused = await page.$eval('.editor-widget.suggest-widget.visible .monaco-list-row.focused', (r) => r.getAttribute('aria-label') || r.innerText).catch(() => '');
      return focused.includes('devlin2018bert');
    }, 10000);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-widget.suggest-widget.visible', { state: 'detached', timeout: 5000 }).catch(() => {});
    await ui.save();
    const line = fs.readFileSync(path.join(workspace, 'papers.md'), 'utf8').split('\n').find((l) => l.startsWith('Related work:'));
    if (!/\[@devlin2018bert\b/.test(line)) {
      throw new Error(`accepted completion not in the saved file; the line reads ${JSON.stringify(line)}`);
    }
    return `PASS: ${labels.length} keys offered after "[@"; accepted -> ${JSON.stringify(line)}`;
  },

  /** Shows the hover on a citation and finds the paper's title (and saves the README screenshot). */
  async hover(ui) {
    const { page } = ui;
    await ui.open('papers.md');
    await ui.serverReady();
    await page.click('.editor-instance .monaco-editor .view-lines');
    await ui.goto(positionOf('papers.md', '[@vaswani2017attention]', 5));
    await ui.command('Show or Focus Hover');
    const hover = page.locator('.monaco-hover-content').filter({ hasText: /\S/ }).first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    const text = (await hover.innerText()).trim();
    log('hover:', JSON.stringify(text));
    if (!text.includes('Attention Is All You Need')) {
      throw new Error(`hover lacks the paper's title: ${JSON.stringify(text)}`);
    }
    if (!/Vaswani/.test(text) || !/2017/.test(text)) {
      throw new Error(`hover lacks the authors or the year: ${JSON.stringify(text)}`);
    }
    const shot = process.env.HOVER_SCREENSHOT || path.join(artifactDir, 'hover.png');
    await page.waitForTimeout(800); // let the hover's fade-in finish
    await page.screenshot({ path: shot }); // no mouse move before: it would close the hover
    if (!(await hover.isVisible())) {
      throw new Error('the hover closed before the screenshot');
    }
    return `PASS: hover shows ${JSON.stringify(text.split('\n')[0])}; screenshot ${shot}`;
  },

  /**
   * Puts the cursor on a diagnostic and asks for quick fixes (Ctrl+.). With a server that offers code
   * actions, the first bibmark fix is applied and its diagnostic must go away. A server whose
   * capabilities lack codeActionProvider (read from the bibmark output channel) makes this a SKIP,
   * after checking that VS Code indeed offers no action there.
   */
  async quickfix(ui) {
    const { page } = ui;
    await ui.open('papers.md');
    await ui.serverReady();
    const caps = await waitFor('the server capabilities line in the bibmark output channel', async () => {
      const m = /ready; capabilities: (.*)/.exec(bibmarkLog());
      return m && m[1].trim();
    }, 15000);
    log('server capabilities:', caps);
    const hasCodeActions = caps.split(/,\s*/).includes('codeActionProvider');
    await page.waitForSelector('.monaco-editor .squiggly-warning');
    const target = positionOf('papers.md', '@article{devlin2018bert', '@article{'.length + 1);
    await page.click('.editor-instance .monaco-editor .view-lines');
    await ui.goto(target);
    await page.keyboard.press('Control+.');
    const menu = '.action-widget .monaco-list-row.action';
    const none = '.monaco-editor-overlaymessage';
    const shown = await page.waitForSelector(`${menu}, ${none}`, { timeout: 15000 });
    const isMenu = await shown.evaluate((el) => el.matches('.action-widget .monaco-list-row.action'));
    if (!isMenu) {
      const message = (await shown.innerText()).trim();
      log('quick fix UI:', JSON.stringify(message));
      if (hasCodeActions) {
        throw new Error(`the server has codeActionProvider but VS Code offers nothing on the missing-field diagnostic: ${message}`);
      }
      if (!/no code actions/i.test(message)) {
        throw new Error(`unexpected message instead of quick fixes: ${JSON.stringify(message)}`);
      }
      throw new Skip(`server capabilities lack codeActionProvider (${caps}); VS Code says ${JSON.stringify(message)}`);
    }
    const actions = await page.$$eval(menu, (rows) => rows.map((r) => r.getAttribute('aria-label') || r.innerText));
    log('quick fixes offered:', JSON.stringify(actions));
    if (!hasCodeActions) {
      throw new Error(`VS Code offers actions although the server has no codeActionProvider: ${JSON.stringify(actions)}`);
    }
    const before = cliDiagnostics().filter((d) => d.code === 'missing-field').length;
    await page.keyboard.press('Enter'); // the first (preferred) action is focused
    await ui.save();
    const after = cliDiagnostics().filter((d) => d.code === 'missing-field').length;
    if (after >= before) {
      throw new Error(`applying ${JSON.stringify(actions[0])} left ${after} missing-field problems (before: ${before})`);
    }
    await waitFor('the squiggle to go away', async () => (await page.$$('.monaco-editor .squiggly-warning')).length === 0, 15000);
    return `PASS: applied ${JSON.stringify(actions[0])}; missing-field ${before} -> ${after}`;
  },

  /**
   * Changes bibmark settings while the server runs, in the workspace's .vscode/settings.json (written from
   * outside, as a `git pull` would): turning missing-field off and making duplicate-key a warning must change
   * the problems without a restart.
   */
  async settings(ui) {
    const { page } = ui;
    await ui.open('papers.md');
    await ui.serverReady();
    const expected = cliDiagnostics();
    const count = (ds, sev) => ds.filter((d) => d.severity === sev).length;
    const problems = async () => (await page.getAttribute('#status\\.problems', 'aria-label').catch(() => '')) || '';
    const before = `Errors: ${count(expected, 'error')}, Warnings: ${count(expected, 'warning')}`;
    await waitFor(`the status bar to show ${before}`, async () => (await problems()) === before, 30000);
    log('problems before:', before);
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'bibmark.checks.missing-field': 'off', 'bibmark.checks.duplicate-key': 'warning' }, null, 2),
    );
    const changed = expected
      .filter((d) => d.code !== 'missing-field')
      .map((d) => (d.code === 'duplicate-key' ? { ...d, severity: 'warning' } : d));
    const after = `Errors: ${count(changed, 'error')}, Warnings: ${count(changed, 'warning')}`;
    let last = '';
    try {
      await waitFor(`the status bar to show ${after}`, async () => (last = await problems()) === after, 30000);
    } catch (e) {
      throw new Error(`${e.message} (it shows ${JSON.stringify(last)})`);
    }
    if (/^error\b/.test((await page.locator('.statusbar-item', { hasText: 'bibmark' }).first().getAttribute('aria-label')) || '')) {
      throw new Error('the bibmark status bar item shows an error after the settings change');
    }
    return `PASS: problems ${before} -> ${after} after a settings change, without a restart`;
  },

  /**
   * Kills the Java server (by its pid, found among the processes of this scenario's code-server session):
   * the extension must restart it, say so in its output, and hover must work again.
   */
  async restart(ui) {
    const { page } = ui;
    await ui.open('papers.md');
    await ui.serverReady();
    const sid = process.env.E2E_SID;
    if (!sid) {
      throw new Error('E2E_SID (the code-server session id) is not set');
    }
    const servers = () =>
      execFileSync('ps', ['-e', '-o', 'pid=,sid=,args='], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim().split(/\s+/))
        .filter((f) => f[1] === sid && f.slice(2).join(' ').includes('bibmark.jar lsp'))
        .map((f) => Number(f[0]));
    const first = servers();
    if (first.length !== 1) {
      throw new Error(`expected one bibmark server process in session ${sid}, found ${JSON.stringify(first)}`);
    }
    process.kill(first[0], 'SIGKILL');
    log(`killed the server, pid ${first[0]}`);
    const restarted = await waitFor('a new server process', async () => {
      const now = servers().filter((p) => p !== first[0]);
      return now.length === 1 && now[0];
    }, 30000);
    await waitFor('the output channel to report the restart and a second "ready"', async () => {
      const text = bibmarkLog();
      return /stopped unexpectedly; restarting \(1\/\d+\)/.test(text) && (text.match(/ready; capabilities/g) || []).length >= 2;
    }, 30000);
    log(`restarted as pid ${restarted}`);
    await ui.serverReady();
    await page.click('.editor-instance .monaco-editor .view-lines');
    await ui.goto(positionOf('papers.md', '[@vaswani2017attention]', 5));
    await ui.command('Show or Focus Hover');
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'Attention Is All You Need' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    const errors = await page.locator('.notifications-toasts .notification-toast', { hasText: 'bibmark' }).count();
    if (errors > 0) {
      throw new Error(`${errors} bibmark notification(s) after a single crash; the user should be told only when restarts stop`);
    }
    return `PASS: server pid ${first[0]} killed, restarted as pid ${restarted}, hover works again, no notification`;
  },

  /**
   * Runs with no Java on PATH and no JAVA_HOME (run.sh arranges that): one notification says what is
   * missing, and its button opens the bibmark.java.home setting.
   */
  async nojava(ui) {
    const { page } = ui;
    await ui.open('papers.md');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'bibmark needs Java' });
    await toast.first().waitFor({ state: 'visible', timeout: 30000 });
    const text = (await toast.first().innerText()).replace(/\s+/g, ' ').trim();
    log('notification:', JSON.stringify(text));
    if (!/Java 17 or newer/.test(text) || !/bibmark\.java\.home/.test(text)) {
      throw new Error(`the notification does not say what is missing and where to set it: ${JSON.stringify(text)}`);
    }
    const status = page.locator('.statusbar-item', { hasText: 'bibmark' }).first();
    const statusLabel = (await status.getAttribute('aria-label')) || '';
    if (!/^error\b/.test(statusLabel)) {
      throw new Error(`the status bar item does not show an error: ${JSON.stringify(statusLabel)}`);
    }
    await page.waitForTimeout(2000); // a second notification would show up by now
    const count = await toast.count();
    if (count !== 1) {
      throw new Error(`${count} Java notifications instead of one`);
    }
    await toast.first().locator('.monaco-button', { hasText: 'Open Settings' }).click();
    await page.waitForSelector('.settings-editor');
    const row = page.locator('.settings-editor .setting-item-contents', { hasText: 'Java' }).filter({ hasText: 'Home' }).first();
    await row.waitFor({ state: 'visible', timeout: 15000 });
    const shown = (await row.innerText()).replace(/\s+/g, ' ').trim();
    log('settings editor shows:', JSON.stringify(shown.slice(0, 160)));
    if (!/Java 17\+/.test(shown)) {
      throw new Error(`the Open Settings button did not show bibmark.java.home: ${JSON.stringify(shown)}`);
    }
    return 'PASS: one notification with "Open Settings", which opens bibmark.java.home';
  },
};

if (!SCENARIOS[scenario]) {
  console.error(`unknown scenario ${scenario}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
main().then(
  () => process.exit(0),
  (e) => {
    if (e instanceof Skip) {
      log(`SKIP: ${e.message}`);
      process.exit(3);
    }
    log(`FAIL: ${e.stack || e.message}`);
    process.exit(1);
  },
);
