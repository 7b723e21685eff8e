"""Typst compiles in worker processes: results, Typst errors and a worker that dies."""

import io
import os
import signal
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader

from unreport.diagnostics import EnvironmentProblem
from unreport.formats.pdf.workers import CompileError, Pool

OPTIONS = {"format": "pdf", "sys_inputs": {}, "timestamp": 0, "ppi": None}


def text_of(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


@pytest.fixture
def pool(tmp_path):
    p = Pool(2)
    yield p
    p.close()


def test_concurrent_compiles_each_get_their_own_document(pool, tmp_path):
    sources = [f"Document number {i}." for i in range(6)]
    with ThreadPoolExecutor(4) as threads:
        results = list(threads.map(
            lambda s: pool.compile(str(tmp_path), s, OPTIONS), sources))
    assert [text_of(r.outputs[0]).strip() for r in results] == sources
    assert pool.started <= 2  # never more workers than the pool's size


def test_same_source_same_bytes_in_any_worker(pool, tmp_path):
    source = "#set text(size: 12pt)\nThe same text."
    a = pool.compile(str(tmp_path), source, OPTIONS).outputs[0]
    with ThreadPoolExecutor(2) as threads:  # the second worker compiles it too
        b, c = threads.map(lambda _: pool.compile(str(tmp_path), source, OPTIONS).outputs[0],
                           range(2))
    assert a == b == c


def test_typst_error_is_reported_and_the_worker_goes_on(tmp_path):
    pool = Pool(1)
    try:
        with pytest.raises(CompileError) as exc:
            pool.compile(str(tmp_path), "#let x = ", OPTIONS)
        assert "expected expression" in exc.value.message
        assert text_of(pool.compile(str(tmp_path), "Still here.", OPTIONS).outputs[0]) \
            .strip() == "Still here."
        assert pool.started == 1
    finally:
        pool.close()


def test_pages_as_png(pool, tmp_path):
    result = pool.compile(str(tmp_path), "One #pagebreak() Two",
                          dict(OPTIONS, format="png", ppi=20))
    assert len(result.outputs) == 2 and all(p[:4] == b"\x89PNG" for p in result.outputs)


def test_a_worker_that_dies_is_an_environment_problem_and_is_replaced(tmp_path):
    pool = Pool(1)
    try:
        pool.prestart(1)
        worker = pool.workers[0]
        os.kill(worker.proc.pid, signal.SIGKILL)
        worker.proc.wait()
        with pytest.raises(EnvironmentProblem, match=r"typst worker process stopped \(ended "
                                                     r"by signal 9\).*free memory"):
            pool.compile(str(tmp_path), "Lost.", OPTIONS)
        assert pool.started == 0
        assert text_of(pool.compile(str(tmp_path), "Again.", OPTIONS).outputs[0]).strip() \
            == "Again."
        assert pool.workers[0] is not worker
    finally:
        pool.close()


def test_a_worker_grown_past_the_limit_is_replaced(tmp_path):
    """Typst keeps everything it memoised: a worker that has grown too large after a compile
    is retired and a fresh one takes its place (where /proc tells the memory)."""
    import unreport.formats.pdf.workers as tw
    if not os.path.exists("/proc/self/statm"):
        pytest.skip("the worker's memory is read from /proc")
    pool = Pool(1)
    try:
        pool.prestart(1)
        first = pool.workers[0]
        result = pool.compile(str(tmp_path), "Small.", OPTIONS)
        assert 0 < result.rss_mb < tw.RETIRE_MB and pool.workers == [first]  # kept
        pool.retire_mb = 1
        assert text_of(pool.compile(str(tmp_path), "Big.", OPTIONS).outputs[0]).strip() == "Big."
        assert first.proc.poll() is not None  # retired and ended
        assert len(pool.workers) == 1 and pool.workers[0] is not first and pool.started == 1
        assert text_of(pool.compile(str(tmp_path), "Next.", OPTIONS).outputs[0]).strip() \
            == "Next."
    finally:
        pool.close()


def test_a_document_goes_back_to_the_worker_that_compiled_it(pool, tmp_path):
    """Each worker remembers the layout of what it compiled: a document's recompile goes to
    the same worker (watch mode's fast rebuilds)."""
    with ThreadPoolExecutor(2) as threads:
        list(threads.map(lambda k: pool.compile(str(tmp_path), f"Text {k}.", OPTIONS, key=k),
                         ["a", "b"]))
    by_key = {w.last: w for w in pool.workers}
    assert set(by_key) == {"a", "b"}
    for _ in range(3):
        for key in ("b", "a"):
            pool.compile(str(tmp_path), f"Text {key} again.", OPTIONS, key=key)
            assert sorted(w.last for w in pool.workers) == ["a", "b"]  # each kept its own
    assert {w.last: w for w in pool.workers} == by_key


def test_a_request_that_cannot_be_sent_leaves_the_worker_in_step(tmp_path):
    pool = Pool(1)
    try:
        with pytest.raises(UnicodeEncodeError):
            pool.compile(str(tmp_path), "Half a surrogate: \ud800", OPTIONS)
        for text in ("First.", "Second."):
            assert text_of(pool.compile(str(tmp_path), text, OPTIONS).outputs[0]).strip() == text
        assert pool.started == 1
    finally:
        pool.close()


def test_a_worker_lent_out_when_the_pool_closes_is_not_taken_back(tmp_path):
    pool = Pool(1)
    pool.prestart(1)
    worker = pool._take("")
    pool.close()
    pool._give_back(worker)
    assert pool.idle == [] and pool.workers == [] and worker.proc.poll() is not None
