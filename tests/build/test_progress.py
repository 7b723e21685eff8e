"""Progress display: on a terminal after the delay, nothing when output is not a terminal."""

import io
import time

from unreport.build.progress import Progress


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_terminal_names_each_output():
    out = Tty()
    p = Progress(2, stream=out, delay=0.0)
    time.sleep(0.2)  # the delay has passed: the display is on
    p.done("r.en.pdf")
    p.done("r.zh.docx")
    p.close()
    text = out.getvalue()
    assert "building [0/2]" in text
    assert "building [1/2] r.en.pdf" in text and "building [2/2] r.zh.docx" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared for the summary


def test_short_builds_and_pipes_stay_quiet():
    pipe = io.StringIO()
    p = Progress(3, stream=pipe, delay=0.0)
    time.sleep(0.1)
    p.done("a")
    p.close()
    assert pipe.getvalue() == ""
    tty = Tty()
    p = Progress(3, stream=tty, delay=5.0)  # finished before the delay
    p.done("a")
    p.close()
    assert tty.getvalue() == ""
