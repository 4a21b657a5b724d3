-- Run by test/protocol/neovim.test.ts inside `nvim --headless --clean`: attaches the
-- policy-brief server to a fixture with the README's snippet, waits for diagnostics, asks
-- for a hover, and writes what Neovim received as JSON. Always quits, writing the error
-- instead when something fails, so the test reports it rather than timing out.
local fixture = os.getenv('POLICY_BRIEF_FIXTURE')
local out = os.getenv('POLICY_BRIEF_OUT')
local hover_line = tonumber(os.getenv('POLICY_BRIEF_HOVER_LINE'))
local hover_character = tonumber(os.getenv('POLICY_BRIEF_HOVER_CHARACTER'))

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = 'policy-brief',
    cmd = { 'node', os.getenv('POLICY_BRIEF_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(fixture, ':p:h'),
  }
  local attached_with
  if vim.lsp.start then
    -- Neovim 0.8 and later: starts the client (or reuses one) and attaches the current buffer.
    vim.lsp.start(config)
    attached_with = 'vim.lsp.start'
  else
    -- Neovim 0.7 (Debian bookworm): start the client, then attach the buffer to it.
    local client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
    attached_with = 'vim.lsp.start_client'
  end

  local received = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    -- 0.8+ puts the LSP code on the diagnostic itself; 0.7 keeps it in user_data.
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(diagnostics, { code = code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
  end

  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_character } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
  local hover = vim.NIL
  for _, response in pairs(responses) do
    if response.result then hover = response.result end
  end
  return { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), attachedWith = attached_with, waitedForDiagnostics = received, diagnostics = diagnostics, hover = hover }
end

local ok, result = pcall(run)
if not ok then result = { error = tostring(result) } end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qa!')
