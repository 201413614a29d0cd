"""`make serve` for editors: watch docs/, schools/ and overrides/, rebuild what
changed, and reload the open pages.

Polling (stdlib only): every half second the watched trees' (mtime, size) are
compared. A change only to `schools/<slug>.py` or `schools/<slug>/…` rebuilds
that school's folder (guide.build.rebuild_schools); anything else rebuilds
everything. After each good build the build id changes; the pages the server
sends carry a tiny same-origin script (guide/live_reload.js, added only here)
that polls /__guia__/build-id and reloads. A failed build prints its one line
and leaves the last good site served.
"""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

from guide import build as builder
from guide import serve
from guide.schools import ROOT, SCHOOLS_DIR, SchoolError

WATCHED = ("docs", "schools", "overrides", "mkdocs.yml")
POLL = 0.5
BUILD_ID = "/__guia__/build-id"
RELOAD_JS = "/__guia__/reload.js"
_SCRIPT = Path(__file__).with_name("live_reload.js")
_TAG = f'<script src="{RELOAD_JS}" defer></script>'.encode()


def snapshot(paths) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under `paths`; hidden files and editor swap files are skipped."""
    state = {}
    for top in paths:
        top = Path(top)
        if top.is_file():
            stat = top.stat()
            state[str(top)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith((".", "__pycache__"))]
            for name in files:
                if name.startswith(".") or name.endswith(("~", ".swp", ".swx", ".pyc")):
                    continue
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except FileNotFoundError:
                    continue
                state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def changed(before: dict, after: dict) -> set[Path]:
    return {Path(p) for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def affected_schools(paths: set[Path], schools_dir: Path, before: dict, after: dict) -> set[str] | None:
    """The slugs whose model or own folder alone changed; None when everything must be rebuilt."""
    slugs = set()
    for path in paths:
        try:
            rel = path.resolve().relative_to(schools_dir.resolve())
        except ValueError:
            return None  # docs/, overrides/, mkdocs.yml: every school uses them
        slug = rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 or rel.suffix == ".py" else None
        model = str(schools_dir / f"{slug}.py")
        if slug is None or slug.startswith("_") or model not in before or model not in after:
            return None  # a school added or removed changes the index too
        slugs.add(slug)
    return slugs


class Live:
    """The build id the pages poll; bumped after each good build."""

    def __init__(self):
        self.build_id = str(time.time_ns())

    def bump(self):
        self.build_id = str(time.time_ns())


def handler_for(live: Live):
    class LiveHandler(serve.Handler):
        """serve.Handler plus the build id, the reload script, and the script tag in every page."""

        def send_head(self):
            route = self.path.split("?", 1)[0]
            if route == BUILD_ID:
                return self._send(live.build_id.encode(), "text/plain; charset=utf-8")
            if route == RELOAD_JS:
                return self._send(_SCRIPT.read_bytes(), "text/javascript; charset=utf-8")
            page = self._page(route)
            if page is None:
                return super().send_head()
            body = page.read_bytes()
            at = body.rfind(b"</head>")
            body = body[:at] + _TAG + body[at:] if at >= 0 else body + _TAG
            return self._send(body, "text/html; charset=utf-8")

        def _page(self, route: str) -> Path | None:
            if "\x00" in route or "\\" in route:
                return None  # the base handler answers 400
            path = Path(self.translate_path(self.path))
            if path.is_dir() and route.endswith("/"):
                path = path / "index.html"
            return path if path.suffix == ".html" and path.is_file() else None

        def _send(self, body: bytes, content_type: str):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            super(serve.Handler, self).end_headers()  # no max-age: the editor wants the newest
            return io.BytesIO(body)

    return LiveHandler


def rebuild(
    paths: set[Path], before: dict, after: dict, site: Path, work: Path, schools_dir: Path, widgets: bool, say=print
) -> bool:
    """Rebuild for these changed paths; True when the site changed."""
    start = time.perf_counter()
    slugs = affected_schools(paths, schools_dir, before, after)
    try:
        try:
            if slugs is None:
                raise builder.NeedsFullBuild
            builder.rebuild_schools(slugs, site=site, work=work, schools_dir=schools_dir, widgets=widgets)
            what = ", ".join(sorted(slugs))
        except builder.NeedsFullBuild:
            builder.build(site=site, work=work, schools_dir=schools_dir, widgets=widgets)
            what = "todo"
    except (SchoolError, builder.BuildError) as exc:
        say(f"Error: {exc}")
        return False
    say(f"Reconstruido: {what} ({time.perf_counter() - start:.1f} s)")
    return True


def watch(
    live: Live,
    site: Path,
    work: Path,
    schools_dir: Path = SCHOOLS_DIR,
    widgets: bool = True,
    roots=None,
    stop: threading.Event | None = None,
    say=print,
) -> None:
    """Poll the watched trees until `stop`; rebuild and bump `live` after each change."""
    roots = roots or [ROOT / name for name in WATCHED if (ROOT / name) != SCHOOLS_DIR] + [schools_dir]
    stop = stop or threading.Event()
    before = snapshot(roots)
    while not stop.wait(POLL):
        after = snapshot(roots)
        if after == before:
            continue
        while not stop.wait(POLL):  # let the editor finish saving
            settled = snapshot(roots)
            if settled == after:
                break
            after = settled
        if rebuild(changed(before, after), before, after, site, work, schools_dir, widgets, say):
            live.bump()
        before = after


def serve_and_watch(
    site: Path, work: Path, port: int, schools_dir: Path = SCHOOLS_DIR, widgets: bool = True, host: str = "127.0.0.1"
) -> None:
    live = Live()
    server = serve.make_server(site, host, port, handler_for(live))
    threading.Thread(target=watch, args=(live, site, work, schools_dir, widgets), daemon=True).start()
    print(
        f"Sirviendo {site} en http://{host}:{port}/ y vigilando docs/, schools/ y overrides/: "
        "al guardar se reconstruye y el navegador se recarga (Ctrl+C para detener)",
        flush=True,
    )
    serve.serve_until_interrupted(server)
