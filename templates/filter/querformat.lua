-- Seiten im Querformat für breite Tabellen (Baustein tabelle(…, quer=true) in
-- templates/_bausteine.html.j2 oder <div class="quer"> in einer Vorlage).
-- Word: ein Abschnittswechsel davor und danach. Die Absätze tragen nur die Ausrichtung des
-- Abschnitts, den sie beenden; pipeline/export/docx_pages.py ergänzt Seitengröße, Ränder,
-- Kopf- und Fußzeilen. Das PDF (Seite im Querformat) schreibt pipeline/export/to_typst.py.

local function section_end(orientation)
  return pandoc.RawBlock(
    "openxml",
    '<w:p><w:pPr><w:sectPr><w:pgSz w:orient="' .. orientation .. '"/></w:sectPr></w:pPr></w:p>'
  )
end

function Div(div)
  if not div.classes:includes("quer") then
    return nil
  end
  local blocks = pandoc.List({ section_end("portrait") })
  blocks:extend(div.content)
  blocks:insert(section_end("landscape"))
  return blocks
end
