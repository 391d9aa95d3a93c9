-- Formulare in Word (Bausteine in templates/_formular.html.j2):
--   <div class="feld">          eine Zeile zum Ausfüllen, darunter ihre Bezeichnung (letzter Absatz);
--                               ein Absatz davor ist ein vorgegebener Eintrag auf der Zeile
--   <div class="felder">        Felder nebeneinander (im PDF; in Word untereinander)
--   <div class="zusammenhalten"> ein Block, der nicht auf zwei Seiten geteilt wird
--   <div class="ankreuzen">     eine Liste, deren Punkte mit einem Kästchen (☐) beginnen: ohne
--                               Aufzählungszeichen, Folgezeilen eingerückt
--   <div class="neue-seite">    danach beginnt eine neue Seite
--   <span class="luecke">       ein Strich zum Ausfüllen bis zum Ende der Zeile (in Word nur in
--                               Ankreuzlisten, deren Formatvorlage den Tabulator mit einer Linie füllt)
-- Die Absätze tragen Formatvorlagen (Ausfüllzeile, Feldbezeichnung …), die
-- pipeline/export/docx_finish.py gestaltet. Das PDF schreibt pipeline/export/to_typst.py ohne pandoc.

local function paragraphs(blocks)
  local found = pandoc.List()
  for _, block in ipairs(blocks) do
    if block.t == "Para" or block.t == "Plain" then
      found:insert(block.content)
    end
  end
  return found
end

local function styled(style, inlines)
  return pandoc.Div({ pandoc.Para(inlines) }, pandoc.Attr("", {}, { ["custom-style"] = style }))
end

-- Eine Ausfüllzeile (der Eintrag oder ein geschütztes Leerzeichen auf dem Strich) und ihre
-- Bezeichnung darunter.
local function field(div)
  local texts = paragraphs(div.content)
  local label = texts[#texts] or pandoc.List()
  local entry = #texts > 1 and texts[1] or nil
  return {
    styled("Ausfüllzeile", entry or { pandoc.Str("\u{00A0}") }),
    styled("Feldbezeichnung Ende", label),
  }
end

-- The fields of a row stand one under the other and stay together: every label but the last
-- keeps with the next line.
local function fields(div)
  local last = nil
  for index, block in ipairs(div.content) do
    if block.t == "Div" and block.attributes["custom-style"] == "Feldbezeichnung Ende" then
      block.attributes["custom-style"] = "Feldbezeichnung"
      last = index
    end
  end
  if last then
    div.content[last].attributes["custom-style"] = "Feldbezeichnung Ende"
  end
  return div.content
end

-- Jeder Absatz des Blocks bleibt mit dem nächsten zusammen, nur der letzte nicht.
local KEEPING = { ["Feldbezeichnung Ende"] = "Feldbezeichnung" }

local function keep_together(div)
  local flat = pandoc.List()
  for _, block in ipairs(div.content) do
    local style = block.t == "Div" and block.attributes["custom-style"] or "Zusammenhalten"
    if block.t == "Div" then
      for _, text in ipairs(paragraphs(block.content)) do
        flat:insert({ style, text })
      end
    elseif block.t == "Para" or block.t == "Plain" then
      flat:insert({ style, block.content })
    else
      flat:insert({ nil, block }) -- a list or table stays as it is
    end
  end
  local blocks = pandoc.List()
  for index, item in ipairs(flat) do
    local style, content = item[1], item[2]
    if style == nil then
      blocks:insert(content)
    elseif index < #flat then
      blocks:insert(styled(KEEPING[style] or style, content))
    elseif style == "Zusammenhalten" then
      blocks:insert(pandoc.Para(content))
    else
      blocks:insert(styled(style, content))
    end
  end
  return blocks
end

local function boxes(div)
  local blocks = pandoc.List()
  for _, block in ipairs(div.content) do
    if block.t == "BulletList" then
      for _, item in ipairs(block.content) do
        blocks:insert(styled("Ankreuzfeld", paragraphs(item)[1] or {}))
      end
    end
  end
  return blocks
end

-- Eine Lücke: ein Tabulator zum rechten Rand, den die Formatvorlage „Ankreuzfeld“ mit
-- einer Linie füllt (pipeline/export/docx_finish.py); Lücken stehen nur in Ankreuzlisten.
local GAP_DOCX = "<w:r><w:tab/></w:r>"

function Span(span)
  if not span.classes:includes("luecke") then
    return nil
  end
  return pandoc.RawInline("openxml", GAP_DOCX)
end

local PAGE_BREAK_DOCX = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

local function new_page()
  return pandoc.RawBlock("openxml", PAGE_BREAK_DOCX)
end

local HANDLERS = {
  { "neue-seite", new_page },
  { "feld", field },
  { "felder", fields },
  { "zusammenhalten", keep_together },
  { "ankreuzen", boxes },
}

function Div(div)
  for _, handler in ipairs(HANDLERS) do
    if div.classes:includes(handler[1]) then
      return handler[2](div)
    end
  end
  return nil
end

return {
  { Span = Span },
  { Div = Div },
}
