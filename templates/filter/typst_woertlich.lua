-- Nur für die Typst-Ausgabe: Text, der in einer Tabellenzelle oder einem Listenpunkt mit „=“,
-- „-“, „+“, „/“ oder „1.“ beginnt, würde Typst als Überschrift, Liste oder Begriffsliste lesen.
-- Ein leerer Inhalt davor hält ihn wörtlich (pandoc schützt nur Absatzanfänge).
local function woertlich(inlines)
  local first = inlines[1]
  if first and first.t == "Str" then
    local text = first.text
    if text:match("^[=%-%+/]") or text:match("^%d+%.") then
      table.insert(inlines, 1, pandoc.RawInline("typst", "#[]"))
    end
  end
  return inlines
end

function Plain(block)
  block.content = woertlich(block.content)
  return block
end

function Para(block)
  block.content = woertlich(block.content)
  return block
end
