-- Pandoc filter for the parallel review document (templates/base/parallel.md.j2) -> DOCX:
-- the .parallel div becomes a two-column table (a header row with the language names, then
-- one row per .prow); each cell is one paragraph printing the number, a tab and the text, in
-- a style by the row's kind: ParallelHeading for chapters, sections, subsections and annexes,
-- ParallelItem1..3 for list items by depth, ParallelTxt otherwise. A label ("Recommendation
-- 1", "建议 1", "Table 1", "附件一") stands in bold on its own line above its text. Every
-- content text is escaped: only this filter writes raw OpenXML, and only the tab.
-- (write_parallel.py numbers each column's footnotes as its edition does: the `note`
-- attribute of a cell is the number of its first footnote.)

local TAB = pandoc.RawInline("openxml", "<w:r><w:tab/></w:r>")
local HEADINGS = { chapter = true, section = true, subsection = true, annex = true }
-- labels ("Recommendation 1" / "建议 1", "Table 1" / "表1", "Annex I" / "附件一") stand on a
-- line of their own in both columns, as in the editions
local LABELS = { recommendation = true, table = true, annex = true }

local function style_of(kind, depth)
  if HEADINGS[kind] then return "ParallelHeading" end
  if kind == "item" then return "ParallelItem" .. tostring(math.min(depth + 1, 3)) end
  return "ParallelTxt"
end

local function cell(div, kind, depth)
  local number = div.attributes.number or ""
  local blocks = div.content
  if #blocks == 0 then blocks = { pandoc.Para({}) } end
  local first = blocks[1].content
  if first then
    if LABELS[kind] and number ~= "" then
      table.insert(first, 1, pandoc.LineBreak())
      table.insert(first, 1, pandoc.Strong({ pandoc.Str(number) }))
    else
      table.insert(first, 1, TAB)
      if number ~= "" then table.insert(first, 1, pandoc.Str(number)) end
    end
  end
  return { pandoc.Div(blocks, pandoc.Attr("", {}, { ["custom-style"] = style_of(kind, depth) })) }
end

local function head(text)
  return { pandoc.Div({ pandoc.Para({ pandoc.Str(text) }) },
                      pandoc.Attr("", {}, { ["custom-style"] = "ParallelHead" })) }
end

local function div(el)
  local cls = el.classes[1]
  if cls == "parallel-masthead" then
    return pandoc.Div(el.content, pandoc.Attr("", {}, { ["custom-style"] = "ParallelMasthead" }))
  end
  if cls ~= "parallel" then return nil end
  local rows = {}
  for _, row in ipairs(el.content) do
    if row.t == "Div" and row.classes[1] == "prow" then
      local cells = {}
      local depth = tonumber(row.attributes.depth or "0") or 0
      for _, c in ipairs(row.content) do
        if c.t == "Div" and c.classes[1] == "pcell" then
          table.insert(cells, cell(c, row.attributes.kind, depth))
        elseif c.t == "Div" and c.classes[1] == "pid" then  -- --review-ids: ID and status
          table.insert(cells, { pandoc.Div(c.content,
                                           pandoc.Attr("", {}, { ["custom-style"] = "ParallelId" })) })
        end
      end
      table.insert(rows, cells)
    end
  end
  local aligns = { pandoc.AlignDefault, pandoc.AlignDefault }
  local widths = { 0.5, 0.5 }
  local heads = { head(el.attributes.left or ""), head(el.attributes.right or "") }
  if el.attributes.ids then
    aligns, widths = { pandoc.AlignDefault, pandoc.AlignDefault, pandoc.AlignDefault },
                     { 0.42, 0.42, 0.16 }
    table.insert(heads, head(el.attributes.ids))
  end
  local simple = pandoc.SimpleTable({}, aligns, widths, heads, rows)
  return pandoc.utils.from_simple_table(simple)
end

-- only the document's top-level divs are looked at: a Div function would be called (and each
-- div marshalled to Lua and back) for every row and cell, which took longer than pandoc's
-- reading of the whole document
function Pandoc(doc)
  for i, block in ipairs(doc.blocks) do
    if block.t == "Div" then
      local new = div(block)
      if new ~= nil then doc.blocks[i] = new end
    end
  end
  return doc
end
