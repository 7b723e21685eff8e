"""Where the page design's elements stand on a PDF page, measured the same way for the PDF that
Typst writes and for the DOCX rendered to PDF by LibreOffice: pdfplumber's characters (their
baselines, from the text matrix, so two fonts with different ascents compare fairly), and its
rectangles and lines (rules, barcode bars). Every position is in millimetres from the page's
top-left corner."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber

MM = 72 / 25.4
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- The Windows fonts a UN DOCX names, mapped to the free fonts the PDF uses (the same metric
     families), so that LibreOffice on a machine without them renders what Word shows. -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>Simplified Arabic</family><prefer><family>Noto Naskh Arabic</family></prefer></alias>
</fontconfig>
"""


def docx_to_pdf(docx: Path, workdir: Path) -> Path:
    """The DOCX as LibreOffice prints it (its own profile, the CJK fonts the DOCX names mapped
    to the PDF's by fontconfig)."""
    import os
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "fonts.conf"
    conf.write_text(FONTCONFIG, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    proc = subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{workdir}/lo",
                           "--convert-to", "pdf", "--outdir", str(workdir), str(docx)],
                          capture_output=True, timeout=300, env=env)
    out = workdir / (docx.stem + ".pdf")
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"soffice failed on {docx}: {proc.stderr.decode(errors='replace')}")
    return out


class Page:
    """One page's words (with baselines) and horizontal rules."""

    def __init__(self, page):
        self.height = page.height
        # without the bidi controls around Latin text in an Arabic page (LibreOffice prints
        # them as characters of their own, which splits the words)
        page = page.filter(lambda o: o.get("object_type") != "char"
                           or not BIDI_CONTROLS.fullmatch(o.get("text", "")))
        chars = [c for c in page.chars if c["text"].strip()]
        self.words = []
        for w in page.extract_words(keep_blank_chars=False, extra_attrs=["size"],
                                    use_text_flow=False):
            inside = [c for c in chars if c["x0"] >= w["x0"] - 0.1 and c["x1"] <= w["x1"] + 0.1
                      and abs(c["top"] - w["top"]) < c["size"]]
            base = max((self.height - c["matrix"][5]) for c in inside) if inside else w["bottom"]
            text = BIDI_CONTROLS.sub("", w["text"])  # isolates around Latin in Arabic
            if not text:
                continue
            self.words.append({"text": text, "x0": w["x0"] / MM, "x1": w["x1"] / MM,
                               "base": base / MM, "size": w["size"]})
        self.rules = []  # (top, bottom, x0, x1) of thin wide shapes
        for r in list(page.rects) + list(page.lines):
            width, height = (r["x1"] - r["x0"]) / MM, (r["bottom"] - r["top"]) / MM
            if width > 15 and height < 2:
                self.rules.append({"top": r["top"] / MM, "bottom": r["bottom"] / MM,
                                   "x0": r["x0"] / MM, "x1": r["x1"] / MM,
                                   "thick": max(height, r.get("linewidth", 0) / MM)})
        # the barcode: its bars drawn as rectangles (PDF), or one picture (the DOCX's PNG)
        self.images = [{k: i[k] / MM for k in ("x0", "x1", "top", "bottom")}
                       for i in page.images]
        self.bars = [r for r in page.rects if r.get("fill") and (r["x1"] - r["x0"]) / MM < 2
                     and (r["bottom"] - r["top"]) / MM > 4]
        if not self.bars:
            self.bars = [i for i in page.images if i["top"] / MM > self.height / MM / 2]

    def lines(self):
        """Printed lines top to bottom: (baseline, words left to right)."""
        out: list[list] = []
        for w in sorted(self.words, key=lambda w: (round(w["base"], 0), w["x0"])):
            if out and abs(out[-1][0] - w["base"]) < 0.8:
                out[-1][1].append(w)
            else:
                out.append([w["base"], [w]])
        return [(b, sorted(ws, key=lambda w: w["x0"])) for b, ws in out]

    def find(self, pattern: str, after: float = -1, before: float = 1e9, left_of: float = 1e9):
        rx = re.compile(pattern)
        for base, ws in self.lines():
            if not after < base < before:
                continue
            for w in ws:
                if rx.fullmatch(w["text"]) and w["x0"] < left_of:
                    return w
        return None


def page_images(page: Page) -> list[dict]:
    return page.images


def open_pages(path: Path) -> list[Page]:
    with pdfplumber.open(path) as pdf:
        return [Page(p) for p in pdf.pages]


def measure(pages: list[Page], expect: dict) -> dict[str, float]:
    """The compared elements of an edition: name -> millimetres. `expect` holds the words to
    look for (the edition's "United Nations", first chapter number, first paragraph's first
    word, ...)."""
    out: dict[str, float] = {}
    p1 = pages[0]

    def put(name, word, key):
        if word is not None:
            out[name] = word[key]

    un = p1.find(expect["un"])
    put("United Nations x", un, "x0")
    put("United Nations baseline", un, "base")
    sym = p1.find(r".?" + re.escape(expect["symbol"][1:]))
    put("symbol right", sym, "x1")
    put("symbol baseline", sym, "base")
    emblem = [i for i in page_images(p1) if i["top"] < 50]
    if emblem:
        for key in ("x0", "x1", "top", "bottom"):
            out[f"emblem {key}"] = emblem[0][key]
    top_rules = sorted((r for r in p1.rules if r["top"] < 80), key=lambda r: r["top"])
    if top_rules:
        thick = max(top_rules, key=lambda r: r["thick"])
        out["thick rule y"] = (thick["top"] + thick["bottom"]) / 2
        out["thick rule weight"] = thick["thick"]
        out["thick rule left"], out["thick rule right"] = thick["x0"], thick["x1"]
        thin = [r for r in top_rules if r["top"] > thick["bottom"] + 2]
        if thin:
            out["thin rule y"] = (thin[0]["top"] + thin[0]["bottom"]) / 2
    distr = p1.find(r"Distr\.:?.*")
    put("Distr. x", distr, "x0")
    put("Distr. baseline", distr, "base")
    orig = p1.find(r"Original:?.*")
    put("Original x", orig, "x0")
    put("Original baseline", orig, "base")
    # the organ: left of the distribution block
    organ = p1.find(expect["organ"], left_of=distr["x0"] - 1 if distr else 1e9)
    put("organ x", organ, "x0")
    put("organ baseline", organ, "base")
    if organ is not None and distr is not None:
        organ_lines = [ws for b, ws in p1.lines() if organ["base"] - 0.5 < b < out.get(
            "thin rule y", organ["base"] + 40)]
        right = [max(w["x1"] for w in ws if w["x0"] < distr["x0"] - 1) for ws in organ_lines
                 if any(w["x0"] < distr["x0"] - 1 for w in ws)]
        out["organ right"] = max(right)
        out["organ lines"] = float(len(right))
    title = p1.find(expect["title"])
    put("title x", title, "x0")
    put("title baseline", title, "base")
    chapter = p1.find(expect["chapter"])
    put("chapter number x", chapter, "x0")
    put("chapter baseline", chapter, "base")
    para = p1.find(r"1\.", after=chapter["base"] if chapter else -1)
    if para is not None:
        out["paragraph 1 number x"] = para["x0"]
        out["paragraph 1 baseline"] = para["base"]
        line = next(ws for b, ws in p1.lines() if abs(b - para["base"]) < 0.8)
        nxt = [w for w in line if w["x0"] > para["x1"] + 0.5]
        if nxt:
            out["paragraph 1 text x"] = nxt[0]["x0"]
        follow = [b for b, ws in p1.lines() if b > para["base"] + 0.5]
        if follow:
            out["paragraph 1 second line"] = follow[0]
    para2 = p1.find(r"2\.", after=para["base"] if para else -1)
    put("paragraph 2 baseline", para2, "base")
    if expect.get("footnote"):
        # the first page with footnotes: lines of small type (no body-size word) above the footer
        for n, page in enumerate(pages):
            notes = [(b, ws) for b, ws in page.lines() if 60 < b < 265
                     and max(w["size"] for w in ws) < 9 and ws[0]["x0"] < 60]
            if not notes:
                continue
            base, ws = notes[0]
            out["footnote page"] = float(n + 1)
            out["footnote 1 number x"] = ws[0]["x0"]
            out["footnote 1 baseline"] = base
            if len(ws) > 1:
                out["footnote 1 text x"] = ws[1]["x0"]
            if len(notes) > 1:
                out["footnote 2 baseline"] = notes[1][0]
            rule = [r for r in page.rules if base - 12 < r["top"] < base and r["x1"] - r["x0"] < 100]
            if rule:
                out["footnote rule y"] = rule[-1]["top"]
                out["footnote rule left"] = rule[-1]["x0"]
                out["footnote rule right"] = rule[-1]["x1"]
            break
    for name, pattern in expect.get("marks", {}).items():
        # a heading, label or number anywhere in the document (a line beginning with the
        # pattern): its page, where it starts and its baseline
        rx = re.compile(pattern)
        for n, page in enumerate(pages):
            hit = next(((b, ws) for b, ws in page.lines()
                        if 15 < b < 265 and rx.match(" ".join(w["text"] for w in ws))), None)
            if hit:
                out[f"{name} page"] = float(n + 1)
                out[f"{name} x"] = hit[1][0]["x0"]
                out[f"{name} baseline"] = hit[0]
                break
    job = p1.find(re.escape(expect["job"]), after=250)
    put("job line x", job, "x0")
    put("job line baseline", job, "base")
    if p1.bars:
        out["barcode left"] = min(b["x0"] for b in p1.bars) / MM
        out["barcode right"] = max(b["x1"] for b in p1.bars) / MM
        out["barcode top"] = min(b["top"] for b in p1.bars) / MM
        out["barcode bottom"] = max(b["bottom"] for b in p1.bars) / MM
    cap = p1.find(r"\*\d+\*", after=250)
    put("barcode caption x", cap, "x0")
    put("barcode caption baseline", cap, "base")
    for n in (2, 3):
        if len(pages) >= n:
            page = pages[n - 1]
            head = page.find(re.escape(expect["symbol"]), before=30)
            put(f"page {n} running head {'left' if n % 2 == 0 else 'right'}", head,
                "x0" if n % 2 == 0 else "x1")
            put(f"page {n} running head baseline", head, "base")
            num = page.find(str(n), after=260)
            put(f"page {n} number {'left' if n % 2 == 0 else 'right'}", num,
                "x0" if n % 2 == 0 else "x1")
            put(f"page {n} number baseline", num, "base")
            pjob = page.find(re.escape(expect["job"].split(" ")[0]), after=260)
            put(f"page {n} job number baseline", pjob, "base")
            body = [b for b, ws in page.lines() if 15 < b < 260]
            if body:
                out[f"page {n} first body baseline"] = body[0]
    return out


def compare(docx: dict, pdf: dict, tolerance: float = 1.0) -> tuple[list, str]:
    """The elements that differ by more than `tolerance` mm, and a table of all of them."""
    rows, bad = [], []
    for name in sorted(set(docx) | set(pdf)):
        a, b = docx.get(name), pdf.get(name)
        ok = a is not None and b is not None and abs(a - b) <= tolerance
        if not ok:
            bad.append(name)
        fa = "missing" if a is None else f"{a:7.2f}"
        fb = "missing" if b is None else f"{b:7.2f}"
        rows.append(f"{name:34} {fa:>8} {fb:>8} {'' if ok else '  <-- differs'}")
    table = f"{'element':34} {'DOCX mm':>8} {'PDF mm':>8}\n" + "\n".join(rows)
    return bad, table
