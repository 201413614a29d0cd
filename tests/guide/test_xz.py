"""guide.xz: the .xz copies the widgets' worker downloads (cached, deterministic)."""

from __future__ import annotations

import lzma
import os

import pytest

from guide import xz


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(xz, "CACHE_DIR", tmp_path / "xz")
    return tmp_path / "xz"


DATA = b"".join(b"checker %d\n" % (i % 977) for i in range(20000))


def test_compress_is_deterministic_and_decodes_to_the_input(cache_dir):
    a = xz.compress(DATA, use_cache=False)
    assert a == xz.compress(DATA, use_cache=False)
    assert lzma.decompress(a) == DATA
    assert a[:6] == b"\xfd7zXZ\x00" and a[6:8] == b"\x00\x01", "one xz stream with CRC32"
    assert not cache_dir.exists(), "use_cache=False writes nothing"


def test_the_cache_gives_the_same_bytes_and_a_damaged_entry_is_made_again(cache_dir):
    first = xz.compress(DATA)
    (entry,) = cache_dir.glob("*.xz")
    assert entry.read_bytes() == first == xz.compress(DATA, use_cache=False)
    entry.write_bytes(first[: len(first) // 2])  # a cut cache file
    assert xz.compress(DATA) == first
    assert entry.read_bytes() == first


def test_the_cache_keeps_the_most_recent_entries_only(cache_dir):
    for i in range(xz.KEEP + 3):
        xz.compress(DATA + bytes([i]))
        for j, p in enumerate(sorted(cache_dir.glob("*.xz"), key=lambda p: p.stat().st_mtime)):
            os.utime(p, (j, j))  # distinct times, oldest first, whatever the clock's resolution
    assert len(list(cache_dir.glob("*.xz"))) == xz.KEEP
