-- Pandoc filter: unreport's Markdown divs -> paragraphs in the UN-like named styles of the
-- reference document. Numbers are printed as text followed by a tab (the style's tab stop or
-- hanging indent puts the text at its place). Every content text in the Markdown is escaped:
-- only this filter (our own code) writes raw OpenXML, and only the tab.

local styles = {
  chapter = "HCh", section = "H1", subsection = "H23", para = "SingleTxt",
  ["recommendation-heading"] = "H4", recommendation = "SingleTxt",
  ["body-line"] = "BodyLine", ["meeting-line"] = "MeetingLine", ["report-title"] = "ReportTitle",
}
-- unnumbered text, tables and annexes (the number is already in the label text)
styles["text"] = "SingleTxt"
styles["table-caption"] = "TableLabel"
styles["table-title"] = "TableTitle"
styles["annex-heading"] = "AnnexHeading"
styles["annex-original"] = "AnnexOriginal"
styles["annex-title"] = "AnnexTitle"
local labelled = { ["recommendation-heading"] = true, ["table-caption"] = true,
                   ["annex-heading"] = true }
local items = { "ListL1", "ListL2", "ListL3" }
local TAB = pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>")

function Div(el)
  local cls = el.classes[1]
  local style = styles[cls]
  if cls == "item" then
    style = items[math.min(tonumber(el.attributes.level or "0") + 1, #items)]
  end
  if not style then return nil end
  local number = el.attributes.number
  if number and not labelled[cls] and el.content[1] and el.content[1].content then
    local first = el.content[1].content
    table.insert(first, 1, TAB)
    table.insert(first, 1, pandoc.Str(number))
  end
  return pandoc.Div(el.content, pandoc.Attr("", {}, { ["custom-style"] = style }))
end
