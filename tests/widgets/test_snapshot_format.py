"""The memory snapshot's stored form (overrides/widgets/snapshot.js), run in Node.

A warm start waits for the snapshot's bytes to be read from Cache Storage, and
most of Python's heap is zeros: the stored copy leaves out the all-zero 4 KiB
pages.  What comes back must be the heap, byte for byte, and anything that is
not such a copy (another format, garbage, a cut entry) must be refused, so the
worker starts normally instead of loading it (tests/browser/test_widgets.py
covers that fallback in Chromium)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from guide.testing import ROOT

WIDGETS = ROOT / "overrides" / "widgets"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")

SCRIPT = """
import { pack, unpack } from "./snapshot.js";
const PAGE = 4096;
const out = {};
function heap(length, pages) {  // non-zero bytes in the listed pages only
  const h = new Uint8Array(length);
  for (const p of pages) for (let i = p * PAGE; i < Math.min((p + 1) * PAGE, length); i += 97) h[i] = (i % 250) + 1;
  return h;
}
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
for (const [name, length, pages] of [
  ["empty", 0, []], ["one byte", 1, [0]], ["all zeros", 10 * PAGE, []],
  ["sparse", 40 * PAGE + 128, [0, 3, 4, 39, 40]], ["last partial page only", 3 * PAGE + 5, [3]],
]) {
  const h = heap(length, pages);
  if (name === "last partial page only") h[length - 1] = 9;
  const stored = pack(h);
  out[name] = { same: same(unpack(stored), h), stored: stored.length, length };
}
const h = heap(8 * PAGE, [2]);
const stored = pack(h);
const refused = {};
for (const [name, bytes] of [
  ["garbage", new Uint8Array(4096).fill(7)], ["raw heap", h], ["cut", stored.subarray(0, stored.length - 1)],
  ["header only", stored.subarray(0, 12)], ["trailing", new Uint8Array([...stored, 0])],
]) {
  try { unpack(bytes); refused[name] = false; } catch (e) { refused[name] = e instanceof Error; }
}
out.refused = refused;
console.log(JSON.stringify(out));
"""


def test_the_stored_snapshot_leaves_out_zero_pages_and_gives_the_heap_back(tmp_path):
    for name in ("snapshot.js", "config.js"):
        shutil.copy2(WIDGETS / name, tmp_path / name)
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    (tmp_path / "check.mjs").write_text(SCRIPT, encoding="utf-8")
    run = subprocess.run(["node", "check.mjs"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    refused = out.pop("refused")
    assert all(r["same"] for r in out.values()), out
    head = 12
    # the header, one flag per page, then only the pages that hold a non-zero byte
    assert out["all zeros"]["stored"] == head + 10
    assert out["sparse"]["stored"] == head + 41 + 4 * 4096 + 128
    assert out["last partial page only"]["stored"] == head + 4 + 5
    assert out["empty"]["stored"] == head
    assert refused == {"garbage": True, "raw heap": True, "cut": True, "header only": True, "trailing": True}
