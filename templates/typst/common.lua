-- Pandoc filter of the parallel document's Typst (run before parallel.lua): the draft marker of an untranslated or changed text ([...]{.draft-marker} in
-- the Markdown) -> #un-draft-marker (un.typ, parallel.typ); and "..." kept as three full stops,
-- which pandoc's Typst writer leaves as Typst's ellipsis shorthand (the DOCX prints three).

function Span(el)
  if el.classes:includes("draft-marker") then
    local out = { pandoc.RawInline("typst", "#un-draft-marker[") }
    for _, i in ipairs(el.content) do table.insert(out, i) end
    table.insert(out, pandoc.RawInline("typst", "]"))
    return out
  end
end

function Str(el)
  if not el.text:find("...", 1, true) then return nil end
  local out, rest = {}, el.text
  while true do
    local i = rest:find("...", 1, true)
    if not i then break end
    if i > 1 then table.insert(out, pandoc.Str(rest:sub(1, i - 1))) end
    table.insert(out, pandoc.RawInline("typst", "..\\."))  -- a constant, never content
    rest = rest:sub(i + 3)
  end
  if #rest > 0 then table.insert(out, pandoc.Str(rest)) end
  return out
end
