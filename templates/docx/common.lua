-- Pandoc filter shared by the DOCX edition and parallel document (run before un.lua and
-- parallel.lua): the draft marker of an untranslated or changed text ([...]{.draft-marker}
-- in the Markdown) -> character style DraftMarker (templates/docx/styles.yaml).

function Span(el)
  if el.classes:includes("draft-marker") then
    return pandoc.Span(el.content, pandoc.Attr("", {}, { ["custom-style"] = "DraftMarker" }))
  end
end
