"""The review document (render/review.py) as PDF, landscape: its Typst markup (rendered by
templates/typst/parallel.j2) with parallel.typ, compiled by the PDF writer's typst workers."""

from __future__ import annotations

import json

from unreport.formats.design import load_design, resolve
from unreport.formats.pdf.markup import MARKUP
from unreport.render.review import ParallelDoc


class ReviewPdfWriter:
    def __init__(self, pdf_writer):
        self.pdf = pdf_writer  # shares the typst compiler (one font scan) and its lock
        self.design = pdf_writer.design

    def typst_source(self, doc: ParallelDoc) -> str:
        return '#import "/typst/parallel.typ": *\n#show: un-parallel-document\n\n' + doc.documents[MARKUP.dialect.name]

    def prepare(self, doc: ParallelDoc) -> None:
        """Nothing to set up before the job."""

    def inputs(self, doc: ParallelDoc) -> dict[str, str]:
        data = {"symbol": doc.report.meta.symbol,
                "title": f"{doc.report.meta.symbol} ({doc.masthead['languages']})",
                "left_fonts": doc.source_style.fonts("pdf")["body"],
                "right_fonts": doc.style.fonts("pdf")["body"],
                "left_lang": doc.source_style.locale.split("_")[0],
                "right_lang": doc.style.locale.split("_")[0]}
        design = resolve(load_design(self.pdf.project), doc.style)
        return {"edition": json.dumps(data, ensure_ascii=False, sort_keys=True),
                "design": json.dumps(design, ensure_ascii=False, sort_keys=True)}

    def write(self, doc: ParallelDoc) -> bytes:
        return self.pdf.compile_source(self.typst_source(doc), self.inputs(doc),
                                       doc.report.meta.date, f"the parallel document {doc.name}")
