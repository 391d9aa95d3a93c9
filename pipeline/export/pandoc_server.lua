-- One pandoc that stays (run as `pandoc lua pandoc_server.lua`, see pandoc.py): it writes one
-- Word file after the other, so a build of nine documents – and a batch or `watch` of many more –
-- starts pandoc once instead of once per document.
--
-- Request on stdin: one line of JSON
--   {"size": n, "reference_doc": path, "toc": bool, "toc_depth": n, "meta": {key: text},
--    "media": [{"name": …, "mime": …, "size": n}], "env": {name: value}}
-- then the document tree (pandoc's JSON, n bytes), then each medium's bytes in that order.
-- Answer on stdout: "OK <n>\n" and the Word file's n bytes, or "ERR <n>\n" and pandoc's message.
-- The tree carries every text as a plain string: nothing here reads markup.

local stdin, stdout = io.stdin, io.stdout

local function answer(status, bytes)
  stdout:write(status, " ", tostring(#bytes), "\n", bytes)
  stdout:flush()
end

local function word_file(request, tree, media)
  pandoc.mediabag.empty()
  for _, medium in ipairs(media) do
    pandoc.mediabag.insert(medium.name, medium.mime, medium.bytes)
  end
  local doc = pandoc.read(tree, "json")
  for key, value in pairs(request.meta) do
    doc.meta[key] = value
  end
  return pandoc.write(doc, "docx", {
    reference_doc = request.reference_doc,
    table_of_contents = request.toc,
    toc_depth = request.toc_depth,
  })
end

while true do
  local header = stdin:read("l")
  if not header then break end
  local request = pandoc.json.decode(header, false)
  local tree = stdin:read(request.size)
  local media = {}
  for _, medium in ipairs(request.media) do
    media[#media + 1] = {name = medium.name, mime = medium.mime, bytes = stdin:read(medium.size)}
  end
  -- SOURCE_DATE_EPOCH is read while the file is written: each document's own
  local ok, result = pcall(pandoc.system.with_environment, request.env, function()
    return word_file(request, tree, media)
  end)
  if ok then answer("OK", result) else answer("ERR", tostring(result)) end
end
