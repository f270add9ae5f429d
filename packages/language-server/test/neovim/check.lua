-- Neovim as a second, independent LSP client of the segment language server.
--
--   SEGMENT_NODE=... SEGMENT_SERVER=... SEGMENT_ROOT=... SEGMENT_RESULT=... \
--     nvim --headless --clean -c "luafile check.lua" -- file.segment
--
-- Starts the server with Neovim's built-in client (the API of Neovim 0.7, Debian 12's), attaches
-- the buffer of file.segment, waits for a diagnostic with the code SEGMENT_CODE, then asks for
-- completion at SEGMENT_LINE:SEGMENT_CHARACTER (zero-based) and looks for SEGMENT_LABEL among
-- the items. Each step appends a line to SEGMENT_RESULT; the script ends with `cquit 1` at the
-- first failure and `qall!` on success.

local function env(name)
  local value = os.getenv(name)
  if value == nil or value == '' then
    error('missing environment variable ' .. name)
  end
  return value
end

local result_file = env('SEGMENT_RESULT')

local function report(line)
  local file = assert(io.open(result_file, 'a'))
  file:write(line, '\n')
  file:close()
end

local function check()
  local root = env('SEGMENT_ROOT')
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'segment',
    cmd = { env('SEGMENT_NODE'), env('SEGMENT_SERVER'), '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'project' } },
  })
  if client_id == nil then
    error('vim.lsp.start_client did not start the server')
  end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then
    error('vim.lsp.buf_attach_client failed')
  end
  report('started ' .. vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch)

  local code = env('SEGMENT_CODE')
  local found = vim.wait(30000, function()
    for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
      if diagnostic.code == code then
        return true
      end
    end
    return false
  end, 50)
  local codes = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(codes, tostring(diagnostic.code))
  end
  report('diagnostics ' .. table.concat(codes, ','))
  if not found then
    error('no diagnostic with code ' .. code)
  end

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = tonumber(env('SEGMENT_LINE')), character = tonumber(env('SEGMENT_CHARACTER')) },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 20000)
  if responses == nil then
    error('completion failed: ' .. tostring(err))
  end
  local response = responses[client_id]
  if response == nil or response.error ~= nil then
    error('completion failed: ' .. vim.inspect(response))
  end
  local items = response.result and (response.result.items or response.result) or {}
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
  report('completion ' .. table.concat(labels, ','))
  if not vim.tbl_contains(labels, env('SEGMENT_LABEL')) then
    error('completion did not offer ' .. env('SEGMENT_LABEL'))
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
  report('ok')
end

local ok, message = pcall(check)
if ok then
  vim.cmd('qall!')
else
  report('error ' .. tostring(message))
  vim.cmd('cquit 1')
end
