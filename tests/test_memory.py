"""The memory settings of a build's processes (generator/memory.py)."""

import gc
import platform

import pytest

from generator import memory


def test_the_collector_is_paused_in_the_block_and_resumes_after_it_even_after_an_error():
    assert gc.isenabled()
    with memory.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), memory.paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_paused_before_stays_paused():
    gc.disable()
    try:
        with memory.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_glibc_takes_every_malloc_setting():
    assert memory.keep_freed()
    memory.trim()
