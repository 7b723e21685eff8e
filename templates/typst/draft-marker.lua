-- Pandoc filter shared by the edition and the parallel document: the draft marker of an
-- untranslated or changed text ([...]{.draft-marker} in the Markdown) -> #un-draft-marker (un.typ, parallel.typ).

function Span(el)
  if el.classes:includes("draft-marker") then
    local out = { pandoc.RawInline("typst", "#un-draft-marker[") }
    for _, i in ipairs(el.content) do table.insert(out, i) end
    table.insert(out, pandoc.RawInline("typst", "]"))
    return out
  end
end
