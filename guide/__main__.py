"""python -m guide build | serve [--port N] | check"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from guide.build import BuildError, build
from guide.schools import ROOT, SCHOOLS_DIR, SchoolError, load_all


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"«{text}» debe ser un número entero mayor que 0")
    return int(text)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"«{text}» no es un puerto: usa un número del 1 al 65535")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description="Genera las guías de cada escuela.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="construye todas las escuelas y el índice en site/")
    b.add_argument("--site", type=Path, default=ROOT / "site")
    b.add_argument("--jobs", type=_positive, default=None)
    b.add_argument("--schools", type=Path, default=SCHOOLS_DIR, help="carpeta de modelos (schools/)")
    b.add_argument("--work", type=Path, default=ROOT / "build", help="carpeta de proyectos MkDocs generados")
    b.add_argument(
        "--sin-widgets",
        dest="widgets",
        action="store_false",
        help="vista previa rápida sin Pyodide (los widgets solo muestran su texto)",
    )
    s = sub.add_parser("serve", help="construye y sirve el sitio en http://127.0.0.1:8000")
    s.add_argument("--port", type=_port, default=8000)
    s.add_argument("--no-build", action="store_true")
    s.add_argument(
        "--watch",
        action="store_true",
        help="vigila docs/, schools/ y overrides/: reconstruye lo que cambió y recarga el navegador",
    )
    s.add_argument(
        "--sin-widgets",
        dest="widgets",
        action="store_false",
        help="vista previa rápida sin Pyodide (los widgets solo muestran su texto)",
    )
    sub.add_parser("check", help="solo valida los modelos de schools/")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            for school in load_all():
                print(f"{school.slug}: bien")
            return 0
        if args.command in ("build", "serve") and not getattr(args, "no_build", False):
            start = time.perf_counter()
            site = getattr(args, "site", ROOT / "site")
            schools = build(
                site=site,
                jobs=getattr(args, "jobs", None),
                widgets=getattr(args, "widgets", True),
                schools_dir=getattr(args, "schools", SCHOOLS_DIR),
                work=getattr(args, "work", ROOT / "build"),
            )
            print(f"{len(schools)} escuelas construidas en {site} ({time.perf_counter() - start:.1f} s)")
        if args.command == "serve":
            from guide.serve import serve
            from guide.watch import serve_and_watch

            try:
                if args.watch:
                    serve_and_watch(ROOT / "site", ROOT / "build", args.port, widgets=args.widgets)
                else:
                    serve(ROOT / "site", port=args.port)
            except OSError as exc:
                print(
                    f"Error: no pude abrir el puerto {args.port} ({exc.strerror}); "
                    f"prueba otro: PORT={args.port + 1} make serve",
                    file=sys.stderr,
                )
                return 1
        return 0
    except (SchoolError, BuildError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
