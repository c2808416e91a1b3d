"""Memory of a build's processes: how Python's collector and glibc's malloc spend time on it.

Input: nothing but the running process. Output: settings of this process (inherited by the processes it forks).
A build holds one large catalogue for its whole run and makes and frees text of every size around it (pages,
data files). Two defaults cost time there, and more the larger the catalogue:
- Python's cyclic collector walks every object it tracks, from time to time, while the catalogue is read and
  indexed: about 4.7 s of 40 s at 40,000 offers. The catalogue lives to the end of the build, so the walks find
  nothing to free; paused() holds them off until the catalogue is made (MkDocs' pages likewise).
- glibc's malloc gives freed memory back to the system as soon as little is free at the top of its heap, and
  takes blocks over a threshold straight from the system, so that the next page's text asks the system for the
  same memory again, page by page (each new page is a page fault: microseconds each, more on a virtual machine).
  keep_freed() lets each process keep up to TRIM of freed memory for reuse: the render and write stage at
  40,000 offers took 163 s of CPU instead of 184–224 s (system time 7 s instead of 19–34 s). trim() gives it back
  where that matters (before forking workers that start with this process's memory).
Where the C library is not glibc, keep_freed() and trim() do nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD = -1, -2, -3  # mallopt's parameters, from glibc's malloc.h
TRIM = 512 << 20  # free memory at the top of the heap that malloc keeps instead of giving it back
PAD = 64 << 20  # extra memory malloc asks for each time its heap grows, so that it grows seldom
MMAP = 32 << 20  # blocks at least this large come straight from the system (glibc's largest default)


def glibc():
    """Return the C library if it is glibc (it has mallopt and malloc_trim), else None."""
    try:
        libc = ctypes.CDLL(None)
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def keep_freed() -> bool:
    """Let malloc keep freed memory for the next text instead of giving it back to the system at once; return
    whether it took every setting (False without glibc)."""
    libc = glibc()
    settings = ((M_TRIM_THRESHOLD, TRIM), (M_TOP_PAD, PAD), (M_MMAP_THRESHOLD, MMAP))
    return bool(libc) and all([libc.mallopt(parameter, value) == 1 for parameter, value in settings])


def trim() -> None:
    """Give the C heap's free memory back to the system (glibc's malloc_trim)."""
    if libc := glibc():
        libc.malloc_trim(0)


@contextlib.contextmanager
def paused():
    """Hold off the cyclic collector while the block makes objects that live on; it resumes when the block ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
