-- Pandoc filter run before the DOCX writer on a document with a very long paragraph
-- (pandoc.py): each chain of words joined by single spaces (Str, Space, Str, ...) becomes one
-- Str. Pandoc's DOCX writer does the same itself (convertSpace in Text.Pandoc.Writers.Docx:
-- `Str x : Space : Str y` becomes `Str (x <> " " <> y)`, and `Str x : Str y` one Str), but it
-- copies the text joined so far at each word, in time that grows with the square of the
-- paragraph (a 2 MB paragraph took minutes). Done here first by the same rule, with one
-- concatenation per chain, pandoc finds nothing left to join and writes the same XML
-- (tests/formats/docx/test_long_paragraph.py). A space not between two words stays a Space,
-- as pandoc leaves it.

local MIN = 64 -- shorter lists are left alone: nothing to gain

function Inlines(inlines)
  if #inlines < MIN then return nil end
  local out, words = pandoc.List(), {}
  local function flush()
    if #words > 0 then
      out:insert(pandoc.Str(table.concat(words)))
      words = {}
    end
  end
  for i, x in ipairs(inlines) do
    if x.t == "Str" then
      words[#words + 1] = x.text
    elseif x.t == "Space" and #words > 0 and inlines[i + 1] and inlines[i + 1].t == "Str" then
      words[#words + 1] = " "
    else
      flush()
      out:insert(x)
    end
  end
  flush()
  return out
end
