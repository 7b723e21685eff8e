-- Pandoc filter for the parallel review document (templates/base/parallel.md.j2) -> DOCX:
-- the .parallel div becomes a two-column table (a header row with the language names, then
-- one row per .prow); each cell is one paragraph in the ParallelTxt style printing the number,
-- a tab and the text. Every content text is escaped: only this filter writes raw OpenXML, and
-- only the tab.

local TAB = pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>")

local function cell(div)
  local number = div.attributes.number or ""
  local blocks = div.content
  if #blocks == 0 then blocks = { pandoc.Para({}) } end
  local first = blocks[1].content
  if first then
    table.insert(first, 1, TAB)
    if number ~= "" then table.insert(first, 1, pandoc.Str(number)) end
  end
  return { pandoc.Div(blocks, pandoc.Attr("", {}, { ["custom-style"] = "ParallelTxt" })) }
end

local function head(text)
  return { pandoc.Div({ pandoc.Para({ pandoc.Str(text) }) },
                      pandoc.Attr("", {}, { ["custom-style"] = "ParallelHead" })) }
end

function Div(el)
  local cls = el.classes[1]
  if cls == "parallel-masthead" then
    return pandoc.Div(el.content, pandoc.Attr("", {}, { ["custom-style"] = "ParallelMasthead" }))
  end
  if cls ~= "parallel" then return nil end
  local rows = {}
  for _, row in ipairs(el.content) do
    if row.t == "Div" and row.classes[1] == "prow" then
      local cells = {}
      for _, c in ipairs(row.content) do
        if c.t == "Div" and c.classes[1] == "pcell" then table.insert(cells, cell(c)) end
      end
      table.insert(rows, cells)
    end
  end
  local simple = pandoc.SimpleTable({}, { pandoc.AlignDefault, pandoc.AlignDefault }, { 0.5, 0.5 },
    { head(el.attributes.left or ""), head(el.attributes.right or "") }, rows)
  return pandoc.utils.from_simple_table(simple)
end
