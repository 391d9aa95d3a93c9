-- Titel, Untertitel, Verfasser und Datum kommen über Umgebungsvariablen und werden als
-- einfacher Text gesetzt: so liest pandoc einen Betreff wie „true“ nicht als Wahrheitswert und
-- Zeichen wie * oder [ ] nicht als Markup.
local fields = { "title", "subtitle", "author", "date" }

function Meta(meta)
  for _, name in ipairs(fields) do
    local value = os.getenv("GESAMTKONZEPT_META_" .. name:upper())
    if value ~= nil and value ~= "" then
      meta[name] = pandoc.MetaInlines({ pandoc.Str(value) })
    end
  end
  return meta
end
