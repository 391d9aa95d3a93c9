-- Überträgt die Ausrichtung der Kopfzellen (text-align im HTML) auf die ganze Spalte.
-- pandoc liest die Spaltenausrichtung aus HTML sonst nur aus der ersten Datenzeile.
function Table(tbl)
  local head = tbl.head.rows[1]
  if head == nil then
    return nil
  end
  for i, cell in ipairs(head.cells) do
    if cell.alignment ~= "AlignDefault" and tbl.colspecs[i] ~= nil then
      tbl.colspecs[i][1] = cell.alignment
      cell.alignment = "AlignDefault"
    end
  end
  return tbl
end
