-- The Neovim end-to-end suite: a real third-party editor (Neovim 0.7, its built-in LSP client) drives
-- `server/bin/bibmark lsp` over stdio. Run it through tests/nvim/run.sh, which copies the fixtures to a
-- temp dir and sets the environment below; it is written for the 0.7 API (vim.lsp.start_client,
-- buf_attach_client, buf_request_sync, vim.wait), so it also runs on newer Neovims.
--
-- Environment (set by run.sh):
--   BIBMARK_NVIM_SERVER   the launcher (server/bin/bibmark); started as `<launcher> lsp --stdio`
--   BIBMARK_NVIM_WS       temp copy of fixtures/workspace (the first client's workspace folder)
--   BIBMARK_NVIM_CORPUS_ROOT, BIBMARK_NVIM_CORPUS_FILE, BIBMARK_NVIM_CORPUS_JSON
--                         a corpus folder, the list to open in it, and `bibmark check --format json` of
--                         the folder (empty when ../shared/corpus is absent: the scenario is skipped)
--   BIBMARK_NVIM_ONLY     optional comma-separated scenario names to run (the client start always runs)
--
-- Adding a scenario: write `local function name() ... end` (shared state is in `ctx`) that raises
-- through `check`/`fail` (or `skip`) and returns a one-line summary, and add it to SCENARIOS with the
-- server capability it needs, if any. Scenarios that edit get their own fixture file, so they stay
-- independent of each other's order. A scenario whose
-- capability the server does not advertise prints SKIP, and runs as soon as the server offers it.

local api, lsp = vim.api, vim.lsp

local TIMEOUT = 30000 -- per wait, in ms: a cold JVM on a loaded 2-core machine is slow, a hang is not
local SHORT = 10000

-- Output and assertions -----------------------------------------------------------------------------

local function out(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local SKIP = {} -- marker error value

local function fail(msg)
  error(msg, 2)
end

local function check(cond, msg, ...)
  if not cond then
    error(select('#', ...) > 0 and msg:format(...) or msg, 2)
  end
  return cond
end

local function skip(reason)
  error({ [SKIP] = true, reason = reason }, 2)
end

local function wait_for(what, cond, timeout)
  if not vim.wait(timeout or TIMEOUT, cond, 20) then
    error(('timed out after %d ms waiting for %s'):format(timeout or TIMEOUT, what), 2)
  end
end

-- Errors the editor itself reports (vim.notify at ERROR level, a client on_error, an Error message
-- from the server) fail the run: a real user would see them.
local editor_errors = {}
local notify = vim.notify
vim.notify = function(msg, level, opts)
  if level and level >= vim.log.levels.ERROR then
    editor_errors[#editor_errors + 1] = 'notify: ' .. tostring(msg)
  end
  return notify(msg, level, opts)
end

-- Files and positions ---------------------------------------------------------------------------------

local function realpath(p)
  return vim.loop.fs_realpath(p) or p
end

local function read_file(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local function lines_of(buf)
  return api.nvim_buf_get_lines(buf, 0, -1, false)
end

--- 0-based line of the first line containing `needle` (plain text) in `lines`; fails when absent.
local function find_line(lines, needle, from)
  for i = from or 1, #lines do
    if lines[i]:find(needle, 1, true) then
      return i - 1
    end
  end
  fail('fixture has no line containing ' .. needle)
end

--- 0-based {line, character} of `needle` plus `offset` characters, in a buffer (ASCII fixtures, so a
--- byte column is also a UTF-16 column).
local function position_of(buf, needle, offset)
  local lines = lines_of(buf)
  local l = find_line(lines, needle)
  return { line = l, character = lines[l + 1]:find(needle, 1, true) - 1 + (offset or 0) }
end

--- Every citation key defined in the .md/.bib files of a folder (an independent oracle for completion).
local function keys_in_folder(dir)
  local keys = {}
  for _, path in ipairs(vim.fn.globpath(dir, '**/*.md', false, true)) do
    for line in read_file(path):gmatch('[^\n]+') do
      local typ, key = line:match('^%s*@(%a+)%s*[{(]%s*([^,%s{}()]+)%s*,')
      if typ and not ({ string = 1, comment = 1, preamble = 1 })[typ:lower()] then
        keys[key] = true
      end
    end
  end
  return keys
end

local function sorted_keys(set)
  local t = vim.tbl_keys(set)
  table.sort(t)
  return t
end

local function hover_text(result)
  if not result or not result.contents then
    return ''
  end
  return table.concat(lsp.util.convert_input_to_markdown_lines(result.contents), '\n')
end

-- The client --------------------------------------------------------------------------------------

--- What the server published, by client id, then real file path: { version, diagnostics (raw LSP) }.
local published = {}

local function record_publish(err, result, ctx, config)
  if result and result.uri then
    local by_file = published[ctx.client_id] or {}
    published[ctx.client_id] = by_file
    by_file[realpath(vim.uri_to_fname(result.uri))] = { version = result.version, diagnostics = result.diagnostics }
  end
  return lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
end

local function record_message(method)
  return function(err, result, ctx, config)
    if result and result.type == 1 then -- MessageType.Error
      editor_errors[#editor_errors + 1] = method .. ': ' .. tostring(result.message)
    end
    return lsp.handlers[method](err, result, ctx, config)
  end
end

--- Starts a client with one workspace folder; returns a table { id, client, exit = {code, signal}? }.
local function start_client(name, root)
  local handle = { didchange = {} }
  local server = os.getenv('BIBMARK_NVIM_SERVER')
  check(server and server ~= '', 'BIBMARK_NVIM_SERVER is not set (run tests/nvim/run.sh)')
  handle.id = lsp.start_client({
    name = name,
    cmd = { server, 'lsp', '--stdio' },
    root_dir = root,
    flags = { allow_incremental_sync = true, debounce_text_changes = 50 },
    handlers = {
      ['textDocument/publishDiagnostics'] = record_publish,
      ['window/showMessage'] = record_message('window/showMessage'),
      ['window/logMessage'] = record_message('window/logMessage'),
    },
    on_error = function(code, err)
      editor_errors[#editor_errors + 1] = ('%s on_error %s: %s'):format(name, tostring(lsp.client_errors[code] or code), vim.inspect(err))
    end,
    on_exit = function(code, signal)
      handle.exit = { code = code, signal = signal }
    end,
  })
  check(handle.id, 'vim.lsp.start_client failed for ' .. name)
  handle.client = lsp.get_client_by_id(handle.id)
  -- Record what the editor sends on buffer edits, to show the sync really is incremental.
  local notify_server = handle.client.notify
  handle.client.notify = function(method, params)
    if method == 'textDocument/didChange' then
      handle.didchange[#handle.didchange + 1] = params
    end
    return notify_server(method, params)
  end
  wait_for(name .. ' to initialize', function()
    return handle.client.initialized and handle.client.server_capabilities ~= nil
  end)
  return handle
end

--- Opens a file in a buffer of this Neovim and attaches the client (didOpen).
local function open(handle, path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown' -- the languageId of didOpen
  check(lsp.buf_attach_client(buf, handle.id), 'buf_attach_client failed for ' .. path)
  return buf
end

local function request(buf, method, params)
  local res, err = lsp.buf_request_sync(buf, method, params, SHORT)
  check(res, '%s: no answer (%s)', method, tostring(err))
  local results = {}
  for _, r in pairs(res) do
    check(not r.err, '%s: error response %s', method, vim.inspect(r.err))
    results[#results + 1] = r.result
  end
  check(#results == 1, '%s: expected one client answer, got %d', method, #results)
  return results[1]
end

local function diags(buf, code)
  local t = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code == nil or d.code == code then
      t[#t + 1] = d
    end
  end
  return t
end

--- "line:col code" (1-based) per diagnostic, with the messages when `messages` is true.
local function describe(ds, messages)
  local t = {}
  for _, d in ipairs(ds) do
    t[#t + 1] = ('%d:%d %s'):format(d.lnum + 1, d.col + 1, tostring(d.code)) .. (messages and ' ' .. d.message or '')
  end
  return '[' .. table.concat(t, '; ') .. ']'
end

--- Waits until the server has published diagnostics for the buffer's current text (Neovim sends the
--- changedtick as the version; our server versions every publish), so no stale diagnostic is read.
local function wait_current(handle, buf, path)
  local version = api.nvim_buf_get_changedtick(buf)
  wait_for(('diagnostics of %s for version %d'):format(vim.fn.fnamemodify(path, ':t'), version), function()
    local p = (published[handle.id] or {})[path]
    return p ~= nil and p.version ~= nil and p.version >= version
  end)
end

local function has_codes(buf, ...)
  for _, code in ipairs({ ... }) do
    if #diags(buf, code) == 0 then
      return false
    end
  end
  return true
end

-- Shared state of one run ----------------------------------------------------------------------

local ctx = {
  ws = os.getenv('BIBMARK_NVIM_WS'),
}

--- Starts the workspace client and opens papers.md (more.md stays closed all along).
local function setup()
  check(ctx.ws and vim.fn.isdirectory(ctx.ws) == 1, 'BIBMARK_NVIM_WS is not a directory')
  ctx.ws = realpath(ctx.ws)
  vim.o.hidden = true -- edited buffers may be left for another
  ctx.main = start_client('bibmark', ctx.ws)
  ctx.papers = ctx.ws .. '/papers.md'
  ctx.more = ctx.ws .. '/more.md'
  ctx.buf = open(ctx.main, ctx.papers)
end

-- Scenarios ----------------------------------------------------------------------------------------

--- (1) Workspace diagnostics: our codes and source on the open file at the right lines, and the
--- cross-file duplicate on the file that was never opened.
local function workspace_diagnostics()
  local buf = ctx.buf
  wait_for('bibtex-syntax and duplicate-key on papers.md', function()
    return has_codes(buf, 'bibtex-syntax', 'duplicate-key')
  end)
  local lines = lines_of(buf)
  local all = diags(buf)
  check(#all == 2, 'papers.md: expected exactly 2 diagnostics, got %s', describe(all, true))
  for _, d in ipairs(all) do
    check(d.source == 'bibmark', 'source %s, expected bibmark', tostring(d.source))
    check(d.severity == vim.diagnostic.severity.ERROR, '%s: severity %s, expected ERROR', d.code, tostring(d.severity))
  end
  local syntax = diags(buf, 'bibtex-syntax')[1]
  local entry = find_line(lines, '@inproceedings{vaswani2017attention,')
  local booktitle = find_line(lines, 'booktitle={Advances in Neural Information Processing Systems}', entry + 1)
  check(syntax.lnum == booktitle and syntax.col == #lines[booktitle + 1],
    'bibtex-syntax at %d:%d, expected the end of line %d (the missing comma)', syntax.lnum + 1, syntax.col + 1, booktitle + 1)
  local dup = diags(buf, 'duplicate-key')[1]
  local key_line = find_line(lines, '@inproceedings{he2016deep,')
  check(dup.lnum == key_line and dup.col == #'@inproceedings{' and dup.end_col == #'@inproceedings{he2016deep',
    'duplicate-key at %d:%d-%d, expected the key on line %d', dup.lnum + 1, dup.col + 1, dup.end_col + 1, key_line + 1)
  local related = dup.user_data.lsp.relatedInformation
  check(related and related[1] and realpath(vim.uri_to_fname(related[1].location.uri)) == ctx.more,
    'duplicate-key: relatedInformation should point at more.md, got %s', vim.inspect(related))
  -- more.md is never opened: Neovim holds its diagnostics on an unloaded buffer.
  local more = vim.fn.bufadd(ctx.more)
  wait_for('duplicate-key on the unopened more.md', function()
    return has_codes(more, 'duplicate-key')
  end)
  check(api.nvim_buf_is_loaded(more) == false, 'more.md should not have been loaded')
  local more_dup = diags(more)
  check(#more_dup == 1, 'more.md: expected 1 diagnostic, got %s', describe(more_dup, true))
  return ('papers.md %s; more.md (never opened) %s'):format(describe(all), describe(more_dup))
end

--- (2) A real list from the corpus, in its own folder with its own server: the diagnostics Neovim
--- receives equal `bibmark check` on that folder, for the open list and for every file never opened.
local SEVERITY = { 'error', 'warning', 'information', 'hint' } -- LSP DiagnosticSeverity -> the CLI's names

local function corpus_list()
  local root, file, json = os.getenv('BIBMARK_NVIM_CORPUS_ROOT'), os.getenv('BIBMARK_NVIM_CORPUS_FILE'), os.getenv('BIBMARK_NVIM_CORPUS_JSON')
  if not root or root == '' or vim.fn.isdirectory(root) == 0 then
    skip('../shared/corpus is absent')
  end
  root = realpath(root)
  local path = realpath(root .. '/' .. file)
  check(vim.fn.filereadable(path) == 1, 'corpus file %s is missing', path)
  local expected = {} -- real path -> sorted list of "line:char-line:char severity code"
  for _, f in ipairs(vim.json.decode(read_file(json)).files) do
    local t = {}
    for _, d in ipairs(f.diagnostics) do
      local r = d.range
      t[#t + 1] = ('%d:%d-%d:%d %s %s'):format(r.start.line, r.start.character, r['end'].line, r['end'].character,
        d.severity, d.code)
    end
    table.sort(t)
    expected[realpath(f.path)] = t
  end
  check(expected[path], 'bibmark check did not report %s', path)
  local function received(by_file, p)
    local t = {}
    for _, d in ipairs((by_file[p] or {}).diagnostics or {}) do
      local r = d.range
      t[#t + 1] = ('%d:%d-%d:%d %s %s'):format(r.start.line, r.start.character, r['end'].line, r['end'].character,
        SEVERITY[d.severity] or tostring(d.severity), tostring(d.code))
    end
    table.sort(t)
    return t
  end
  local function all_match(by_file)
    if not by_file[path] then
      return false -- the open list is always published, even when clean
    end
    for p, want in pairs(expected) do
      if not vim.deep_equal(received(by_file, p), want) then
        return false
      end
    end
    for p in pairs(by_file) do
      if not expected[p] and #received(by_file, p) > 0 then
        return false -- a file `bibmark check` does not know about
      end
    end
    return true
  end
  local handle = start_client('bibmark-corpus', root)
  local ok, res = pcall(function()
    local buf = open(handle, path)
    local ok = vim.wait(TIMEOUT, function()
      return all_match(published[handle.id] or {})
    end, 50)
    local by_file = published[handle.id] or {}
    if not ok then
      local diff = {}
      for p, want in pairs(expected) do
        local got = received(by_file, p)
        if not vim.deep_equal(got, want) then
          diff[#diff + 1] = ('%s: check %s, Neovim %s'):format(p, vim.inspect(want), vim.inspect(got))
        end
      end
      for p in pairs(by_file) do
        if not expected[p] and #received(by_file, p) > 0 then
          diff[#diff + 1] = ('%s: not checked by bibmark check, Neovim %s'):format(p, vim.inspect(received(by_file, p)))
        end
      end
      fail('diagnostics differ from bibmark check after ' .. TIMEOUT .. ' ms:\n  ' .. table.concat(diff, '\n  '))
    end
    check(#diags(buf) == #expected[path], 'Neovim shows %d diagnostics on %s, the server sent %d', #diags(buf), file, #expected[path])
    local files, total = 0, 0
    for p, want in pairs(expected) do
      if #want > 0 then
        files = files + 1
        total = total + #want
        if p ~= path then
          check(#vim.diagnostic.get(vim.fn.bufadd(p)) == #want, 'Neovim does not show the diagnostics of unopened %s', p)
        end
      end
    end
    return ('%s: %d diagnostics; %d diagnostics in %d files of %s equal `bibmark check`'):format(
      file, #expected[path], total, files, root)
  end)
  lsp.stop_client(handle.id) -- also after a failure: this server is not needed any more
  wait_for('the corpus server to exit', function()
    return handle.exit ~= nil
  end, SHORT)
  if not ok then
    error(res, 0)
  end
  check(handle.exit.code == 0, 'corpus server exit code %s', tostring(handle.exit.code))
  return res
end

--- (3) Citation-key completion right after the user types `[@`: every key of the workspace.
local function completion()
  local buf = ctx.buf
  local prose = find_line(lines_of(buf), 'Transformers [@vaswani2017attention]')
  local typed = 'See also [@'
  api.nvim_buf_set_lines(buf, prose + 1, prose + 1, false, { typed })
  local result = request(buf, 'textDocument/completion', {
    textDocument = lsp.util.make_text_document_params(buf),
    position = { line = prose + 1, character = #typed },
    context = { triggerKind = 2, triggerCharacter = '@' },
  })
  api.nvim_buf_set_lines(buf, prose + 1, prose + 2, false, {}) -- leave the buffer as it was
  wait_current(ctx.main, buf, ctx.papers) -- and its diagnostics
  local items = result and (result.items or result) or {}
  local labels, details = {}, {}
  for _, it in ipairs(items) do
    labels[it.label] = true
    details[it.label] = it.detail
  end
  local want = sorted_keys(keys_in_folder(ctx.ws))
  check(vim.deep_equal(sorted_keys(labels), want), 'completion labels %s, expected the workspace keys %s',
    vim.inspect(sorted_keys(labels)), vim.inspect(want))
  check(#items == #want, '%d items for %d distinct keys (a duplicated key must be offered once)', #items, #want)
  check((details.brown2020language or ''):find('Brown 2020', 1, true),
    'detail of brown2020language (defined in the unopened more.md): %s', tostring(details.brown2020language))
  return table.concat(want, ',')
end

--- (4) Hover on citation keys in prose shows the entry's title (also for an entry of an unopened file).
local function hover()
  local buf = ctx.buf
  local shown = {}
  for key, title in pairs({ vaswani2017attention = 'Attention Is All You Need', brown2020language = 'Language Models are Few-Shot Learners' }) do
    local md = hover_text(request(buf, 'textDocument/hover', {
      textDocument = lsp.util.make_text_document_params(buf),
      position = position_of(buf, '[@' .. key .. ']', 2 + 3), -- inside the key
    }))
    check(md:find(title, 1, true), 'hover on %s does not show the title %q: %s', key, title, md)
    shown[#shown + 1] = key .. ' -> ' .. title
  end
  table.sort(shown)
  return table.concat(shown, '; ')
end

--- (5) An edit through the buffer (nvim_buf_set_lines: an incremental didChange) that adds the
--- missing comma clears the syntax error; the duplicate key stays.
local function edit_clears_diagnostic()
  local buf = ctx.buf
  local lines = lines_of(buf)
  local entry = find_line(lines, '@inproceedings{vaswani2017attention,')
  local booktitle = find_line(lines, 'booktitle={Advances in Neural Information Processing Systems}', entry + 1)
  wait_for('the syntax error at the end of line ' .. (booktitle + 1), function()
    local d = diags(buf, 'bibtex-syntax')[1]
    return d ~= nil and d.lnum == booktitle
  end)
  local sent = #ctx.main.didchange
  api.nvim_buf_set_lines(buf, booktitle, booktitle + 1, false, { lines[booktitle + 1] .. ',' })
  wait_current(ctx.main, buf, ctx.papers)
  wait_for('the bibtex-syntax diagnostic to clear', function()
    return not has_codes(buf, 'bibtex-syntax')
  end)
  check(has_codes(buf, 'duplicate-key'), 'the duplicate-key diagnostic went away too: %s', describe(diags(buf), true))
  local change = ctx.main.didchange[sent + 1]
  check(change and change.contentChanges[1].range, 'the edit was not sent as an incremental didChange: %s', vim.inspect(change))
  local r = change.contentChanges[1].range
  return ('incremental didChange %d:%d-%d:%d %q; left %s'):format(r.start.line + 1, r.start.character + 1,
    r['end'].line + 1, r['end'].character + 1, change.contentChanges[1].text, describe(diags(buf)))
end

-- Scenarios that wait for a server capability (issues 4 and 5) --------------------------------------

--- Quick-fix through the editor: vim.lsp.buf.code_action with the choice made for the user (the
--- preferred quickfix for the diagnostic), then the diagnostic is gone and no new one appeared.
local function quickfix()
  local buf = open(ctx.main, ctx.ws .. '/quickfix.md')
  wait_for('bibtex-syntax on quickfix.md', function()
    return has_codes(buf, 'bibtex-syntax')
  end)
  local before = #diags(buf)
  local d = diags(buf, 'bibtex-syntax')[1]
  api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local offered
  local select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    offered = items
    local pick
    for _, tuple in ipairs(items) do
      local a = tuple[2]
      local for_it = false
      for _, ad in ipairs(a.diagnostics or {}) do
        for_it = for_it or ad.code == 'bibtex-syntax'
      end
      if a.kind == 'quickfix' and for_it and (pick == nil or a.isPreferred) then
        pick = tuple
      end
    end
    on_choice(pick)
  end
  local ok, err = pcall(lsp.buf.code_action, {
    only = { 'quickfix' },
    diagnostics = lsp.diagnostic.get_line_diagnostics(buf, d.lnum),
  })
  local restored = function()
    vim.ui.select = select
  end
  if not ok then
    restored()
    fail(err)
  end
  wait_for('code actions to be offered', function()
    return offered ~= nil
  end, SHORT)
  restored()
  wait_for('the fixed syntax error to clear', function()
    return not has_codes(buf, 'bibtex-syntax')
  end)
  check(#diags(buf) == before - 1, 'the fix left %s', describe(diags(buf), true))
  return ('%d action(s) offered; applied one; left %s'):format(#offered, describe(diags(buf)))
end

--- Formatting a list: blocks rewritten, everything outside them byte-identical, keys and fields kept,
--- and a second formatting changes nothing.
local function formatting()
  local buf = open(ctx.main, ctx.ws .. '/format.md')
  local before = lines_of(buf)
  local function outside(lines)
    local t, inside = {}, false
    for _, l in ipairs(lines) do
      if l:match('^```') then
        inside = not inside
        t[#t + 1] = l
      elseif not inside then
        t[#t + 1] = l
      end
    end
    return t
  end
  local function shape(lines) -- the entry's key and field names, in order
    local text = table.concat(lines, '\n')
    local t = { text:match('@%a+%s*{%s*([^,%s]+)') }
    for name in text:gmatch('[,{]%s*([%a_-]+)%s*=') do
      t[#t + 1] = name:lower()
    end
    table.sort(t, function(a, b) return a < b end)
    return t
  end
  lsp.buf.formatting_sync(nil, SHORT)
  local after = lines_of(buf)
  check(not vim.deep_equal(before, after), 'formatting changed nothing in a messy block')
  check(vim.deep_equal(outside(before), outside(after)), 'formatting touched text outside the bibtex block')
  check(vim.deep_equal(shape(before), shape(after)), 'formatting changed the key or fields: %s -> %s',
    vim.inspect(shape(before)), vim.inspect(shape(after)))
  lsp.buf.formatting_sync(nil, SHORT)
  check(vim.deep_equal(after, lines_of(buf)), 'formatting is not idempotent')
  return ('%d lines -> %d lines, idempotent'):format(#before, #after)
end

--- Definition: a citation of a unique key jumps to its entry (through vim.lsp.buf.definition); a
--- duplicated key gives every definition, including the one in the unopened file.
local function definition()
  local buf = ctx.buf
  api.nvim_set_current_buf(buf)
  local pos = position_of(buf, '[@vaswani2017attention]', 4)
  api.nvim_win_set_cursor(0, { pos.line + 1, pos.character })
  lsp.buf.definition()
  local entry = find_line(lines_of(buf), '@inproceedings{vaswani2017attention,')
  wait_for('the cursor to jump to the entry', function()
    return api.nvim_get_current_buf() == buf and api.nvim_win_get_cursor(0)[1] == entry + 1
  end, SHORT)
  local result = request(buf, 'textDocument/definition', {
    textDocument = lsp.util.make_text_document_params(buf),
    position = position_of(buf, '[@he2016deep]', 4),
  })
  local locations = result and (vim.tbl_islist(result) and result or { result }) or {}
  local files = {}
  for _, l in ipairs(locations) do
    files[#files + 1] = vim.fn.fnamemodify(vim.uri_to_fname(l.uri or l.targetUri), ':t')
  end
  table.sort(files)
  check(vim.deep_equal(files, { 'more.md', 'papers.md' }), 'definitions of the duplicated he2016deep: %s', vim.inspect(files))
  return ('jumped to line %d; he2016deep -> %s'):format(entry + 1, table.concat(files, ', '))
end

--- Rename through the editor (vim.lsp.buf.rename) from a citation: the entry in the unopened more.md
--- and the citation in papers.md change; a key already taken is refused.
local function rename()
  local buf = ctx.buf
  api.nvim_set_current_buf(buf)
  local refused = lsp.buf_request_sync(buf, 'textDocument/rename', {
    textDocument = lsp.util.make_text_document_params(buf),
    position = position_of(buf, '[@brown2020language]', 4),
    newName = 'vaswani2017attention',
  }, SHORT)
  for _, r in pairs(refused or {}) do
    check(r.err or r.result == nil or vim.tbl_isempty(r.result.changes or r.result.documentChanges or {}),
      'renaming to a key already taken was not refused: %s', vim.inspect(r.result))
  end
  local pos = position_of(buf, '[@brown2020language]', 4)
  api.nvim_win_set_cursor(0, { pos.line + 1, pos.character })
  lsp.buf.rename('brown2020fewshot')
  local more = vim.fn.bufadd(ctx.more)
  wait_for('the rename to reach both files', function()
    return table.concat(lines_of(buf), '\n'):find('[@brown2020fewshot]', 1, true) ~= nil
      and api.nvim_buf_is_loaded(more)
      and table.concat(lines_of(more), '\n'):find('@inproceedings{brown2020fewshot,', 1, true) ~= nil
  end, SHORT)
  check(not table.concat(lines_of(buf), '\n'):find('brown2020language', 1, true), 'papers.md still cites brown2020language')
  check(not table.concat(lines_of(more), '\n'):find('brown2020language', 1, true), 'more.md still defines brown2020language')
  return 'brown2020language -> brown2020fewshot in papers.md and more.md; taken key refused'
end

--- (6) shutdown + exit: the server exits with code 0, and nothing went wrong in the editor.
local function shutdown()
  lsp.stop_client(ctx.main.id)
  wait_for('the server to exit', function()
    return ctx.main.exit ~= nil
  end, SHORT)
  check(ctx.main.exit.code == 0 and ctx.main.exit.signal == 0, 'server exit code %s, signal %s',
    tostring(ctx.main.exit.code), tostring(ctx.main.exit.signal))
  check(#editor_errors == 0, 'errors reported in the editor:\n  %s', table.concat(editor_errors, '\n  '))
  return 'exit code 0, no errors reported in the editor'
end

-- name, function, the server capability it needs (nil: always runs)
local SCENARIOS = {
  { 'workspace-diagnostics', workspace_diagnostics },
  { 'corpus-list', corpus_list },
  { 'completion', completion },
  { 'hover', hover },
  { 'edit-clears-diagnostic', edit_clears_diagnostic },
  { 'quickfix', quickfix, 'codeActionProvider' },
  { 'formatting', formatting, 'documentFormattingProvider' },
  { 'definition', definition, 'definitionProvider' },
  { 'rename', rename, 'renameProvider' },
  { 'shutdown', shutdown },
}

-- Runner ------------------------------------------------------------------------------------------

local function run()
  local only = {}
  for name in (os.getenv('BIBMARK_NVIM_ONLY') or ''):gmatch('[^,%s]+') do
    only[name] = true
  end
  local failed = 0
  local function report(status, name, t0, detail)
    out(('%-4s %-24s %6d ms  %s'):format(status, name, math.floor((vim.loop.hrtime() - t0) / 1e6), detail or ''))
  end
  local t0 = vim.loop.hrtime()
  local ok, err = pcall(setup)
  if not ok then
    report('FAIL', 'start', t0, tostring(err))
    return 1
  end
  for _, s in ipairs(SCENARIOS) do
    local name, fn, capability = s[1], s[2], s[3]
    t0 = vim.loop.hrtime()
    if next(only) and not only[name] and name ~= 'shutdown' then
      -- not selected
    elseif capability and not ctx.main.client.server_capabilities[capability] then
      report('SKIP', name, t0, 'server does not offer ' .. capability)
    else
      local passed, res = pcall(fn)
      if passed then
        report('PASS', name, t0, res)
      elseif type(res) == 'table' and res[SKIP] then
        report('SKIP', name, t0, res.reason)
      else
        failed = failed + 1
        report('FAIL', name, t0, tostring(res))
      end
    end
  end
  return failed
end

local ok, failed = pcall(run)
if not ok then
  out('FAIL suite error: ' .. tostring(failed))
  failed = 1
end
out(failed == 0 and 'OK' or ('FAILED: ' .. failed))
if failed == 0 then
  vim.cmd('qall!')
else
  vim.cmd('cquit 1')
end
