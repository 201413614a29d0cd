"""What the tests and bench/ share: Debian's Chromium and its flags, the
schools' slugs, and the axe-core run. (The local server is
`guide.serve.running_server`.)

It lives in the package, as `numpy.testing` does, so tests/ and bench/ import
it the same way once the project is installed, and neither imports the other.
Nothing here runs at build time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from guide.schools import school_files

ROOT = Path(__file__).resolve().parent.parent

# Debian's Chromium, launched by Playwright with executable_path: no browser
# download, no Google services, no update checks during a run.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
]

# Every school in schools/, so a new school gets the browser tests too.
SCHOOL_SLUGS = [p.stem for p in school_files()]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def launch_chromium(playwright, **options):
    """Debian's Chromium under Playwright, headless unless told otherwise."""
    options.setdefault("headless", True)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page (axe from node_modules)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through the DevTools protocol: the page's CSP doesn't apply
    # resultTypes: only violations get every node and selector worked out (axe's
    # documented speed-up; passes and incomplete are cut to one node each).
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]
    ]


def build_cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    """`python -m guide build ARGS` as a user runs it: exit code, stdout and stderr as text."""
    return subprocess.run(
        [sys.executable, "-m", "guide", "build", *map(str, args)], cwd=cwd, capture_output=True, text=True
    )
