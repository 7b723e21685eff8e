-- Pandoc filter: unreport's Markdown divs -> calls of the functions in un.typ.
-- The Markdown comes from templates/base/report.md.j2; every content text in it is escaped,
-- so only this filter (our own code) writes raw Typst.

local function str(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local function call(name, args, content)
  local open = "#" .. name .. "(" .. args .. ")["
  -- one paragraph: keep the call on its text, so no space creeps in before or after it
  if #content == 1 and (content[1].t == "Para" or content[1].t == "Plain") then
    local inlines = { pandoc.RawInline("typst", open) }
    for _, i in ipairs(content[1].content) do table.insert(inlines, i) end
    table.insert(inlines, pandoc.RawInline("typst", "]"))
    return pandoc.Plain(inlines)
  end
  local out = { pandoc.RawBlock("typst", open) }
  for _, b in ipairs(content) do table.insert(out, b) end
  table.insert(out, pandoc.RawBlock("typst", "]"))
  return out
end

local simple = {
  ["body-line"] = "un-body-line", ["meeting-line"] = "un-meeting-line",
  ["report-title"] = "un-title", ["recommendation"] = "un-rec-text",
  ["recommendation-heading"] = "un-rec-heading",
}
simple["text"] = "un-text"
simple["table-title"] = "un-table-title"
simple["table"] = "un-table"
simple["annex-original"] = "un-annex-original"
simple["annex-title"] = "un-annex-title"
-- labels that print a number: the number goes along as data for read-back
local labelled = { ["table-caption"] = "un-table-caption", ["annex-heading"] = "un-annex-heading" }
local levels = { chapter = 1, section = 2, subsection = 3 }

function Div(el)
  local a = el.attributes
  local uid = str(a.uid or "")
  local cls = el.classes[1]
  if levels[cls] then
    return call("un-heading", levels[cls] .. ", " .. str(a.number) .. ", " .. uid, el.content)
  elseif cls == "para" then
    return call("un-para", str(a.number) .. ", " .. uid, el.content)
  elseif cls == "item" then
    return call("un-item", str(a.number) .. ", " .. (a.level or "0") .. ", " .. uid, el.content)
  elseif labelled[cls] then
    return call(labelled[cls], str(a.number or "") .. ", " .. uid, el.content)
  elseif simple[cls] then
    return call(simple[cls], uid, el.content)
  end
end
