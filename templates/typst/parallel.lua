-- Pandoc filter for the parallel review document (templates/base/parallel.md.j2) -> calls of
-- the functions in parallel.typ. Every content text in the Markdown is escaped, so only this
-- filter (our own code) writes raw Typst.

local function str(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local function raw(s) return pandoc.RawBlock("typst", s) end

function Div(el)
  local cls = el.classes[1]
  if cls == "parallel-masthead" then
    local out = { raw("#un-parallel-masthead[") }
    for _, b in ipairs(el.content) do table.insert(out, b) end
    table.insert(out, raw("]"))
    return out
  end
  if cls ~= "parallel" then return nil end
  -- the column headings, then one call per row: a single call holding every row makes Typst's
  -- time grow faster than the rows (4,000 paragraphs: 18 s instead of a few)
  local out = { raw("#un-parallel-heads(" .. str(el.attributes.left or "") .. ", "
                    .. str(el.attributes.right or "") .. ")") }
  for _, row in ipairs(el.content) do
    if row.t == "Div" and row.classes[1] == "prow" then
      local a = row.attributes
      table.insert(out, raw("#un-parallel-row((uid: " .. str(a.uid or "") .. ", kind: "
                            .. str(a.kind or "") .. ", status: " .. str(a.status or "")
                            .. ", cells: ("))
      for _, c in ipairs(row.content) do
        if c.t == "Div" and c.classes[1] == "pcell" then
          local open = "(" .. str(c.attributes.number or "") .. ", ["
          local only = c.content[1]
          if #c.content == 1 and (only.t == "Para" or only.t == "Plain") then
            -- one paragraph: inline, so no space or paragraph break opens the cell
            local inlines = { pandoc.RawInline("typst", open) }
            for _, i in ipairs(only.content) do table.insert(inlines, i) end
            table.insert(inlines, pandoc.RawInline("typst", "]),"))
            table.insert(out, pandoc.Plain(inlines))
          else
            table.insert(out, raw(open))
            for _, b in ipairs(c.content) do table.insert(out, b) end
            table.insert(out, raw("]),"))
          end
        end
      end
      table.insert(out, raw(")))"))
    end
  end
  return out
end
