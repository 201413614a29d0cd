"""Build the postal-code data that :mod:`checker.postal` reads.

Run from the repository root::

    python -m update.postal                                  # what `make data` runs
    python -m update.sepomex_download CPdescarga.txt         # the official file (needs internet)
    python -m update.postal --sepomex CPdescarga.txt [--summary cambios.md]

Sources, newest first (see :mod:`update.postal_sources`):

* the official Correos de México catalogue imported with ``--sepomex``, kept
  as ``update/data/sepomex.json.gz`` for later builds (when there is one);
* SAT's ``c_CodigoPostal`` and companions (pinned package satcfdi, about 2019);
* SEPOMEX's export of March 2018 (pinned package postalcodes-mexico).

They are merged by :mod:`update.postal_merge` (the newest source wins on
names; the older name stays an alias) and written by
:mod:`update.postal_output`. The build prints what the precedence rule
changed and, by :mod:`update.postal_changes`, what changed against the
catalogue it replaces (``--summary FILE`` writes that as Markdown: the body
of the refresh pull request).

An official file must look whole (at least 30,000 codes, all 32 states, no
state losing more than 2 % of its codes since the last import); otherwise
the build stops and writes nothing. ``--allow-partial`` skips that check for
an extract (one state, a test fixture), which is then never kept as the
official catalogue. ``--alone`` builds from the official file only.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import UTC, datetime
from pathlib import Path

from . import postal_changes as changes
from .postal_merge import RULES, Source, merge
from .postal_output import finish, read_output, write_output
from .postal_sources import (
    DEFAULT_DOWNLOADS,
    POSTALCODES_MEXICO_VERSION,
    REPO_ROOT,
    SATCFDI_VERSION,
    DataError,
    Snapshot,
    date_from_notice,
    decode_sepomex,
    parse_sepomex,
    read_postalcodes_mexico,
    read_sat,
    read_snapshot,
    write_snapshot,
)

DEFAULT_OUT = REPO_ROOT / 'checker' / 'data' / 'postal'
DEFAULT_SNAPSHOT = REPO_ROOT / 'update' / 'data' / 'sepomex.json.gz'

OFFICIAL_NAME = 'Correos de México (SEPOMEX), Catálogo Nacional de Códigos Postales'
OFFICIAL_SHORT = 'Correos de México (SEPOMEX)'
#: The packaged sources: (key, name, short name, date, date precision). Their
#: dates are those of the catalogues they copy (neither carries one):
#: SEPOMEX's export of March 2018, SAT's c_CodigoPostal of about 2019.
PACKAGED = (
    (
        'sepomex2018',
        f'{OFFICIAL_NAME} (copia de marzo de 2018 del paquete postalcodes-mexico {POSTALCODES_MEXICO_VERSION})',
        OFFICIAL_SHORT,
        '2018-03-01',
        'month',
    ),
    (
        'sat',
        f'SAT, catálogos c_CodigoPostal, c_Colonia, c_Municipio y c_Localidad del CFDI (hacia 2019; '
        f'paquete satcfdi {SATCFDI_VERSION})',
        'catálogo c_CodigoPostal del SAT',
        '2019-01-01',
        'year',
    ),
)


def _file_date(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date().isoformat()


def _official_source(snapshot: Snapshot) -> tuple[Source, dict]:
    label = f'{OFFICIAL_NAME} ({snapshot.file_name})'
    return (
        Source(label, snapshot.date, snapshot.entries, official=True),
        {'name': label, 'short': OFFICIAL_SHORT, 'date': snapshot.date, 'precision': 'day', 'sha256': snapshot.sha256},
    )


def _import(path: Path, date: str | None) -> Snapshot:
    data = path.read_bytes()  # once: parsed and hashed
    entries, notice, state_names = parse_sepomex(decode_sepomex(data), str(path))
    return Snapshot(
        entries=entries,
        date=date or date_from_notice(notice) or _file_date(path),
        notice=notice,
        state_names=state_names,
        file_name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _split_prefixes(entries: dict) -> dict:
    prefixes = {}
    for code, e in entries.items():
        prefixes.setdefault(code[:2], set()).add(e.state)
    return {p: sorted(s) for p, s in prefixes.items() if len(s) > 1}


def _fail(line):
    print(line, file=sys.stderr)


def build(args, log=print, fail=_fail) -> int:
    previous_snapshot = read_snapshot(args.snapshot)
    official = None
    if args.sepomex:
        official = _import(args.sepomex, args.date)
        split = _split_prefixes(official.entries)
        if split:
            fail(f'!!! prefijos con más de un estado: {sorted(split.items())[:10]}')
            return 1
        if not args.allow_partial:
            problems = changes.sanity_problems(official.entries, previous_snapshot and previous_snapshot.entries)
            if not previous_snapshot:
                log('sin catálogo oficial anterior: no se compara cuántos códigos pierde cada estado')
            if problems:
                fail('!!! ' + '!' * 68)
                fail(f'!!! {args.sepomex} no parece el catálogo nacional completo; no se escribió nada:')
                for problem in problems:
                    fail(f'!!!   {problem}')
                fail('!!! ' + '!' * 68)
                return 1
    elif previous_snapshot:
        official = previous_snapshot

    sources, described = [], []
    if official:
        source, description = _official_source(official)
        sources.append(source)
        described.append(description)
    if not args.alone:
        packaged = {'sepomex2018': read_postalcodes_mexico, 'sat': lambda: read_sat(args.downloads)}
        for key, name, short, date, precision in reversed(PACKAGED):  # newest first
            sources.append(Source(name, date, packaged[key]()))
            described.append({'name': name, 'short': short, 'date': date, 'precision': precision})
    entries, report = merge(sources, log=log)

    newest = described[0]
    old = read_output(args.out)
    new = {code: finish(e) for code, e in entries.items()}
    summary = changes.summarize(old, new)
    for line in changes.text(summary):
        log(line)
    write_output(
        entries,
        args.out,
        catalogue_date=newest['date'],
        precision=newest['precision'],
        sources=described,
        merge_rules=RULES,
        report=report,
        state_names=official.state_names if official else None,
        notice=official.notice if official else '',
        log=log,
    )
    if args.sepomex and not args.allow_partial and write_snapshot(official, args.snapshot):
        log(f'catálogo oficial guardado para las siguientes construcciones: {args.snapshot}')
    if args.summary:
        heading = f'Catálogo de códigos postales del {newest["date"]}'
        args.summary.write_text(changes.markdown(summary, heading), encoding='utf-8')
        log(f'resumen de cambios escrito en {args.summary}')
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog='python -m update.postal', description=__doc__.split('\n\n')[0])
    parser.add_argument(
        '--sepomex',
        type=Path,
        metavar='CPdescarga.txt',
        help='import the official Correos de México download (the newest source)',
    )
    parser.add_argument('--date', help='catalogue date YYYY-MM-DD of --sepomex (default: from the file)')
    parser.add_argument('--alone', action='store_true', help='build from the --sepomex file only')
    parser.add_argument(
        '--allow-partial',
        action='store_true',
        help='accept a --sepomex extract (no completeness check; not kept as the official one)',
    )
    parser.add_argument('--summary', type=Path, metavar='FILE.md', help='write the change summary as Markdown')
    parser.add_argument('--out', type=Path, default=DEFAULT_OUT, help=f'output directory (default {DEFAULT_OUT})')
    parser.add_argument(
        '--snapshot',
        type=Path,
        default=DEFAULT_SNAPSHOT,
        help='the imported official catalogue, read and kept (default update/data/sepomex.json.gz)',
    )
    parser.add_argument(
        '--downloads', type=Path, default=DEFAULT_DOWNLOADS, help='cache for the satcfdi wheel (default .downloads/)'
    )
    args = parser.parse_args(argv)
    if args.date:
        if not args.sepomex:
            parser.error('--date only applies with --sepomex')
        try:
            args.date = datetime.strptime(args.date, '%Y-%m-%d').date().isoformat()
        except ValueError:
            parser.error('--date must be YYYY-MM-DD')
    if (args.alone or args.allow_partial) and not args.sepomex:
        parser.error('--alone and --allow-partial only apply with --sepomex')
    try:
        return build(args)
    except DataError as exc:
        print(f'error: {exc}', file=sys.stderr)
        return 1


if __name__ == '__main__':
    sys.exit(main())
