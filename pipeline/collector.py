"""Python's cyclic garbage collector, paused while the program builds what it keeps.

Each round of the collector walks every container object alive at the time. Loading a folder,
rendering its documents and converting them build large structures that live until the files are
written – hundreds of thousands of objects for a municipality of 500 measures – and the rounds
walked them again and again: `validate` of 5,000 measures took 4,7–4,9 s with them and
3,2–3,5 s without, the same memory. Garbage is still freed while paused: refcounts free everything
that is not circular, and what is (python-docx's parts, which refer to each other) is collected
where it is large (:mod:`pipeline.export.docx_finish`) or in the next round after the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No rounds of the collector inside; afterwards as before (also after a failure; a
    collector someone else switched off stays off)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
