"""xz copies of the widgets' biggest downloads (Pyodide's wasm, the stdlib zip).

The phone has no xz in ``DecompressionStream`` (gzip and deflate only), so the
worker decodes these with xzwasm (xz-embedded compiled to wasm, from npm) and
falls back to the plain file, which is always shipped too.  xz at its
strongest setting is a quarter smaller than the server's gzip on the wasm, but
takes seconds, so each result is cached in ``.cache/xz/`` under the hash of
its input and settings; the output is deterministic (same input, same bytes).
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
from pathlib import Path

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "xz"
KEEP = 8  # cached results kept: a few builds' wasm and stdlib zips
# CRC32: the check xz-embedded verifies.  The dictionary no bigger than the
# file (the whole file still fits: same ratio as preset 9's 64 MiB), because
# the phone's decoder allocates all of it.
SETTINGS = {"preset": 9 | lzma.PRESET_EXTREME, "check": "crc32"}


def _filters(size: int) -> list[dict]:
    return [{"id": lzma.FILTER_LZMA2, "preset": SETTINGS["preset"], "dict_size": max(4096, min(size, 1 << 26))}]


def compress(data: bytes, use_cache: bool = True) -> bytes:
    """``data`` as an .xz file (one stream, CRC32), cached by content."""
    key = hashlib.sha256(json.dumps([SETTINGS, _filters(len(data))], sort_keys=True).encode() + data).hexdigest()
    cached = CACHE_DIR / f"{key[:32]}.xz"
    if use_cache and cached.is_file():
        packed = cached.read_bytes()
        try:
            if lzma.decompress(packed) == data:  # a cut or damaged cache file is made again
                os.utime(cached)
                return packed
        except lzma.LZMAError:
            pass
    packed = lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32, filters=_filters(len(data)))
    if use_cache:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(cached.name + f".{os.getpid()}.tmp")
        tmp.write_bytes(packed)
        os.replace(tmp, cached)
        entries = sorted(CACHE_DIR.glob("*.xz"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    return packed
