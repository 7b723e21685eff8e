"""What one run does: which reports, languages and formats, and how (strict, cache, review,
verify, QA). Read by every stage that depends on the selection; set by the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Options:
    report_glob: str = "*"
    langs: tuple[str, ...] = ()  # () = every language of each report
    formats: tuple[str, ...] = ()  # names in formats.FORMATS; () = every registered format
    strict: bool = False
    jobs: int = 0
    cache: bool = True  # False: rebuild every output (--no-cache)
    review: bool = True  # False: no parallel review documents (--no-review)
    verify: bool = False  # True: keep what each edition prints for verify (--verify, verify)
    review_ids: bool = False  # True: review documents show each row's ID and status
    qa: bool = False  # True: cross-language QA of the translations (check; always --strict)
