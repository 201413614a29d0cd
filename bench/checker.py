"""Benchmark of the checker: validations per second and the 1,000,000-row CSV.

Run ``.venv/bin/python -m bench.checker`` (from the repository root).  It
prints figures and never asserts; the targets from the issue are printed
beside them:

* CURP: ``checker.curp.is_valid`` (and ``validate``) at least 3x the
  throughput of python-stdnum's ``stdnum.mx.curp.is_valid`` on the same
  values, while checking more (future dates, consonants in 14-16, ...);
* NSS: ``checker.nss.is_valid`` at least 2x ``stdnum.luhn.is_valid``;
* postal-code lookup (``checker.postal.lookup``; ``validate`` too);
* ``python -m checker FILE.csv`` on 1,000,000 rows (CURP + NSS + CP per
  row) in under 10 s on one core (the batch is one single-threaded process;
  its cpu time is the figure judged, its wall time is printed beside it),
  with flat memory: the peak resident memory of the batch (its own process,
  measured with ``os.wait4``'s rusage, the per-child form of
  ``getrusage(RUSAGE_CHILDREN)``) is printed for 100,000 and 1,000,000 rows,
  with and without duplicate detection (whose tables are the only thing
  that grows with the file: one compact CURP and one NSS per distinct
  value).

Options: ``--rows N`` (default 1,000,000), ``--values N`` (values per
micro-benchmark, default 100,000), ``--quick`` (100,000 rows, 20,000
values), ``--keep`` (keep the generated CSV files, printing their path),
``--pin`` (pin the batch to one CPU), ``--sin-listas`` / ``--solo-listas``
(skip, or run only, the lists with names), ``--repeat N`` (runs of each
list batch; the best cpu is shown).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a module (python -m bench.checker): this file is named checker.py,
# and as a script its folder would come first on the path and shadow the package.
from checker import _curp_data, curp, nss, postal  # noqa: E402

LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
VOWELS_X = 'AEIOUX'
CONSONANTS = 'BCDFGHJKLMNPQRSTVWXYZ'
STATES = tuple(_curp_data.STATES)
ALNUM = '0123456789' + LETTERS


def make_curp(rng: random.Random, year: int | None = None) -> str:
    """A valid CURP with random (but rule-abiding) parts."""
    if year is None:
        year = rng.randrange(1940, 2020)
    day = datetime.date(year, 1, 1) + datetime.timedelta(rng.randrange(365))
    s = (
        rng.choice(LETTERS)
        + rng.choice(VOWELS_X)
        + rng.choice(LETTERS)
        + rng.choice(LETTERS)
        + day.strftime('%y%m%d')
        + rng.choice('HM')
        + rng.choice(STATES)
        + ''.join(rng.choice(CONSONANTS) for _ in '123')
        + (rng.choice('0123456789') if year < 2000 else rng.choice(LETTERS))
    )
    return s + curp.calc_check_digit(s)


def make_nss(rng: random.Random, birth_year: int) -> str:
    """A valid NSS whose birth year matches and whose registration is later."""
    this_year = datetime.date.today().year
    registration = min(this_year, birth_year + rng.randrange(0, 25))
    s = f'{rng.randrange(1, 100):02d}{registration % 100:02d}{birth_year % 100:02d}{rng.randrange(10000):04d}'
    return s + nss.calc_check_digit(s)


def real_postal_codes(rng: random.Random, n: int = 3000) -> list[str]:
    codes = []
    while len(codes) < n:
        code = f'{rng.randrange(1000, 100000):05d}'
        if postal.is_valid(code):
            codes.append(code)
    return codes


def mutate(rng: random.Random, value: str, alphabet: str) -> str:
    i = rng.randrange(len(value))
    return value[:i] + rng.choice(alphabet) + value[i + 1 :]


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    """CURP, NSS and CP per row: ~97 % valid, the rest with one mutation."""
    rng = random.Random(seed)
    codes = real_postal_codes(rng)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write('Nombre,CURP,NSS,Código postal\r\n')
        for i in range(rows):
            year = rng.randrange(1995, 2012)
            c = make_curp(rng, year)
            n = make_nss(rng, year)
            p = rng.choice(codes)
            r = rng.random()
            if r < 0.01:
                c = mutate(rng, c, ALNUM)
            elif r < 0.02:
                n = mutate(rng, n, '0123456789')
            elif r < 0.025:
                p = p[1:]
            elif r < 0.03:
                n = n[:4] + f'{(year + 7) % 100:02d}' + n[6:10]
                n += nss.calc_check_digit(n)
            f.write(f'Alumno {i},{c},{n},{p}\r\n')


def rate(fn, values, repeat: int = 3) -> float:
    """Best-of-``repeat`` calls per second of ``fn`` over ``values``."""
    best = float('inf')
    for _ in range(repeat):
        t0 = time.perf_counter()
        for v in values:
            fn(v)
        best = min(best, time.perf_counter() - t0)
    return len(values) / best


# Linux counts in a child's peak RSS the memory of the process that forked
# it (the fork copies it; after vfork, exec records the parent's peak).  So
# the batch is started by this small launcher, a fresh interpreter that
# spawns it, waits for it with os.wait4 (that child's own rusage, i.e.
# getrusage(RUSAGE_CHILDREN) for exactly one child) and prints the figures
# as JSON.  With --pin the launcher first pins itself (and so the batch) to
# one CPU; by default the single-threaded batch may run on either core,
# which on a shared machine gives a fairer wall time.
LAUNCHER = r"""
import json, os, sys, time
if sys.argv[1] == 'pin' and hasattr(os, 'sched_setaffinity'):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
del sys.argv[1]
t0 = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)
_pid, status, usage = os.wait4(pid, 0)
print(json.dumps({
    'wall': time.perf_counter() - t0,
    'cpu': usage.ru_utime + usage.ru_stime,
    'maxrss': usage.ru_maxrss,
    'status': os.waitstatus_to_exitcode(status),
}))
"""


PIN = False


def run_batch(path: Path, *extra: str) -> tuple[float, float, float, int]:
    """Run ``python -m checker path`` in its own process, on one core.

    Returns (wall seconds, cpu seconds, peak resident MiB, exit status).
    """
    import json

    cmd = [
        sys.executable,
        '-c',
        LAUNCHER,
        'pin' if PIN else 'free',
        sys.executable,
        '-m',
        'checker',
        str(path),
        '--salida',
        os.devnull,
        *extra,
    ]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.splitlines()[-1])
    if r['status'] not in (0, 1):
        print(out.stderr, file=sys.stderr)
    # ru_maxrss is KiB on Linux, bytes on macOS
    scale = 1 if sys.platform == 'darwin' else 1024
    return r['wall'], r['cpu'], r['maxrss'] * scale / 2**20, r['status']


def fmt_rate(r: float) -> str:
    return f'{r:>12,.0f} /s'


def make_values(n: int, seed: int = 7):
    """n CURPs, NSSs and postal codes: 90 % valid, 10 % one mutation."""
    rng = random.Random(seed)
    codes = real_postal_codes(rng, 2000)
    curps, nsss, cps = [], [], []
    for _ in range(n):
        year = rng.randrange(1940, 2020)
        c, s, p = make_curp(rng, year), make_nss(rng, year), rng.choice(codes)
        if rng.random() < 0.1:
            c = mutate(rng, c, ALNUM)
            s = mutate(rng, s, '0123456789')
            p = mutate(rng, p, '0123456789')
        curps.append(c)
        nsss.append(s)
        cps.append(p)
    return curps, nsss, cps


def _swallow(fn):
    def call(value):
        try:
            fn(value)
        except ValueError:  # InvalidInput and stdnum's errors
            pass

    return call


# ---------------------------------------------------------------------------
# Lists as school offices have them (issue 12): names, birth date, sex and
# state beside CURP, NSS and CP, as CSV and as an Excel workbook written the
# way Excel writes one (shared strings, dates as date cells, CP as a number).

GIVEN = (
    'Ana',
    'María José',
    'José Luis',
    'Juan',
    'Sofía',
    'Diego',
    'Valeria',
    'Luis Ángel',
    'Ximena',
    'Íñigo',
    'Carlos',
    'Fernanda',
    'Jesús',
    'Guadalupe',
    'Miguel',
    'Paola',
    'Ángel',
    'Daniela',
    'Óscar',
    'Camila',
)
SURNAMES = (
    'Hernández',
    'García',
    'Martínez',
    'López',
    'González',
    'Pérez',
    'Rodríguez',
    'Sánchez',
    'Ramírez',
    'Cruz',
    'Flores',
    'Gómez',
    'Díaz',
    'Reyes',
    'Morales',
    'Jiménez',
    'Ruiz',
    'Ortiz',
    'De la Cruz',
    'Núñez',
    'Ibarra',
    'Uc',
    'Vázquez',
    'Castillo',
)
NAMED_HEADER = (
    'Nombre(s)',
    'Primer apellido',
    'Segundo apellido',
    'Fecha de nacimiento',
    'Sexo',
    'Entidad de nacimiento',
    'CURP',
    'NSS',
    'Código postal',
)


def named_rows(n: int, seed: int = 3):
    """Rows whose CURP follows from the row's own data (~1.5 % disagree)."""
    import functools

    rng = random.Random(seed)
    codes = real_postal_codes(rng, 500)
    states = [(key, name) for key, name in _curp_data.STATES.items() if key != 'NE'][:12]

    @functools.cache
    def letters(g, f, s):
        return curp.derive(g, f, s, '2000-01-01', 'H', 'DF')

    for _ in range(n):
        g, f, s = rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(SURNAMES)
        year = rng.randrange(1995, 2012)
        born = datetime.date(year, 1, 1) + datetime.timedelta(rng.randrange(365))
        sex = rng.choice('HM')
        key, state = rng.choice(states)
        base = letters(g, f, s)
        c = (
            base[:4]
            + born.strftime('%y%m%d')
            + sex
            + key
            + base[13:16]
            + (rng.choice('0123456789') if year < 2000 else rng.choice(LETTERS))
        )
        c += curp.calc_check_digit(c)
        r = rng.random()
        if r < 0.01:
            born += datetime.timedelta(days=1)  # a typo in the date
        elif r < 0.015:
            g = rng.choice(GIVEN)  # someone else's CURP
        yield (g, f, s, born, sex, state, c, make_nss(rng, year), rng.choice(codes))


def write_named_csv(path: Path, rows: int, names: bool = True) -> None:
    import csv

    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\r\n')
        w.writerow(NAMED_HEADER if names else NAMED_HEADER[6:])
        for row in named_rows(rows):
            row = (*row[:3], row[3].strftime('%d/%m/%Y'), *row[4:])
            w.writerow(row if names else row[6:])


def write_named_xlsx(path: Path, rows: int, names: bool = True) -> None:
    """An .xlsx as Excel saves one: shared strings, date cells, CP as number."""
    import zipfile
    from xml.sax.saxutils import escape

    from checker.xlsx_read import column_letter

    strings: dict[str, int] = {}

    def s(text):
        return strings.setdefault(text, len(strings))

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    header = NAMED_HEADER if names else NAMED_HEADER[6:]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
            f.write(
                f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {ns}><dimension ref="A1:'
                f'{column_letter(len(header) - 1)}{rows + 1}"/><sheetData>'.encode()
            )
            cells = ''.join(f'<c r="{column_letter(i)}1" t="s"><v>{s(h)}</v></c>' for i, h in enumerate(header))
            f.write(f'<row r="1">{cells}</row>'.encode())
            epoch = datetime.date(1899, 12, 30)
            out = []
            for r, row in enumerate(named_rows(rows), start=2):
                g, fs, ss, born, sex, state, c, n, cp = row
                cells = [
                    f'<c r="G{r}" t="s"><v>{s(c)}</v></c>',
                    f'<c r="H{r}" t="s"><v>{s(n)}</v></c>',
                    f'<c r="I{r}"><v>{int(cp)}</v></c>',
                ]
                if names:
                    cells = [
                        f'<c r="A{r}" t="s"><v>{s(g)}</v></c>',
                        f'<c r="B{r}" t="s"><v>{s(fs)}</v></c>',
                        f'<c r="C{r}" t="s"><v>{s(ss)}</v></c>',
                        f'<c r="D{r}" s="1"><v>{(born - epoch).days}</v></c>',
                        f'<c r="E{r}" t="s"><v>{s(sex)}</v></c>',
                        f'<c r="F{r}" t="s"><v>{s(state)}</v></c>',
                        *cells,
                    ]
                else:
                    cells = [
                        cell.replace(f'r="G{r}"', f'r="A{r}"')
                        .replace(f'r="H{r}"', f'r="B{r}"')
                        .replace(f'r="I{r}"', f'r="C{r}"')
                        for cell in cells
                    ]
                out.append(f'<row r="{r}">{"".join(cells)}</row>')
                if len(out) == 2000:
                    f.write(''.join(out).encode())
                    out = []
            f.write((''.join(out) + '</sheetData></worksheet>').encode())
        z.writestr(
            'xl/sharedStrings.xml',
            f'<sst {ns} uniqueCount="{len(strings)}">'
            + ''.join(f'<si><t>{escape(t)}</t></si>' for t in strings)
            + '</sst>',
        )
        z.writestr(
            'xl/styles.xml',
            f'<styleSheet {ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" '
            'applyNumberFormat="1"/></cellXfs></styleSheet>',
        )
        z.writestr(
            'xl/workbook.xml',
            f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Alumnos" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            'xl/_rels/workbook.xml.rels',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        )
        z.writestr(
            '_rels/.rels',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        )
        z.writestr(
            '[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        )


def bench_lists(rows: int, tmp: Path, repeat: int = 1) -> None:
    """Rows per second and peak memory for CSV and XLSX lists, with and
    without names (issue 12: 1,000,000 rows with names, CURP comparison
    included, in <= 15 s on one core; duplicate detection <= 64 MB).
    Each batch runs *repeat* times: its best cpu and lowest peak are shown."""
    print(
        f'\nlists as offices have them, {rows:,} rows; python -m checker FILE --salida /dev/null '
        '(duplicate detection on); cpu = user+sys, peak RSS from os.wait4'
        + (f', best of {repeat}' if repeat > 1 else '')
        + f'; load average before: {os.getloadavg()[0]:.1f}:'
    )
    print(f'  {"input":<7}{"names":<7}{"size":>10}{"wall":>9}{"cpu":>8}{"rows/s (cpu)":>14}{"peak RSS":>12}')
    figures = {}
    for fmt, write in (('CSV', write_named_csv), ('XLSX', write_named_xlsx)):
        for names in (True, False):
            path = tmp / f'lista-{"nombres" if names else "ids"}-{rows}.{fmt.lower()}'
            write(path, rows, names)
            runs = [run_batch(path) for _ in range(repeat)]
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            peak, status = min(r[2] for r in runs), runs[-1][3]
            figures[fmt, names] = (cpu, peak)
            print(
                f'  {fmt:<7}{"yes" if names else "no":<7}{path.stat().st_size / 2**20:>7.1f} MiB'
                f'{wall:>8.2f}s{cpu:>7.2f}s{rows / cpu:>14,.0f}{peak:>8.1f} MiB   (exit {status})'
            )
            path.unlink()
    for fmt in ('CSV', 'XLSX'):
        cpu = figures[fmt, True][0]
        verdict = ('OK' if cpu <= 15 else 'MISSED') if rows >= 1_000_000 else 'judged at --rows 1000000'
        print(
            f'target: 1,000,000 {fmt} rows with names in <= 15 s on one core: {rows:,} rows in {cpu:.2f} s of cpu: '
            f'{verdict}'
        )
    for fmt in ('CSV', 'XLSX'):
        worst = max(figures[fmt, True][1], figures[fmt, False][1])
        print(
            f'target: peak <= 64 MiB with duplicate detection ({fmt}): {worst:.1f} MiB: {"OK" if worst <= 64 else "MISSED"}'
        )
    print(f'  (load average after: {os.getloadavg()[0]:.1f}; other work on the machine inflates cpu time too)')


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--rows', type=int, default=1_000_000)
    parser.add_argument('--values', type=int, default=100_000)
    parser.add_argument('--quick', action='store_true')
    parser.add_argument('--keep', action='store_true')
    parser.add_argument('--pin', action='store_true', help='pin the batch process to one CPU')
    parser.add_argument('--sin-listas', action='store_true', help='skip the lists with names (CSV and XLSX)')
    parser.add_argument('--solo-listas', action='store_true', help='only the lists with names (CSV and XLSX)')
    parser.add_argument('--repeat', type=int, default=1, help='runs of each list batch (best cpu shown)')
    args = parser.parse_args(argv)
    global PIN
    PIN = args.pin
    if args.quick:
        args.rows, args.values = 100_000, 20_000
    if args.solo_listas:
        with tempfile.TemporaryDirectory(prefix='checker-bench-') as tmp:
            bench_lists(args.rows, Path(tmp), args.repeat)
        return 0

    import stdnum
    import stdnum.luhn
    import stdnum.mx.curp

    print(
        f'checker benchmark: Python {sys.version.split()[0]} '
        f'({sys.implementation.name}), {sys.platform}, '
        f'{os.cpu_count()} CPUs, python-stdnum {stdnum.__version__}'
    )
    curps, nsss, cps = make_values(args.values)
    ok = sum(map(curp.is_valid, curps))
    print(
        f'{len(curps):,} values of each kind ({ok / len(curps):.0%} of the '
        f'CURPs valid, the rest with one mutation); best of 3 runs\n'
    )

    postal.set_loader(None)  # cold: nothing loaded yet
    t0 = time.perf_counter()
    for p in cps:
        try:
            postal.lookup(p)
        except postal.InvalidInput:
            pass
    cold = time.perf_counter() - t0

    rows = [
        ('CURP', 'checker.curp.is_valid', curp.is_valid, curps),
        ('CURP', 'checker.curp.validate', _swallow(curp.validate), curps),
        ('CURP', 'stdnum.mx.curp.is_valid', stdnum.mx.curp.is_valid, curps),
        ('NSS', 'checker.nss.is_valid', nss.is_valid, nsss),
        ('NSS', 'checker.nss.validate', _swallow(nss.validate), nsss),
        ('NSS', 'stdnum.luhn.is_valid', stdnum.luhn.is_valid, nsss),
        ('CP', 'checker.postal.lookup', _swallow(postal.lookup), cps),
        ('CP', 'checker.postal.validate', _swallow(postal.validate), cps),
        ('CP', 'checker.postal.is_valid', postal.is_valid, cps),
    ]
    rates = {name: rate(fn, values) for _kind, name, fn, values in rows}
    ratios = {
        'checker.curp.is_valid': ('stdnum.mx.curp.is_valid', 3.0),
        'checker.curp.validate': ('stdnum.mx.curp.is_valid', 3.0),
        'checker.nss.is_valid': ('stdnum.luhn.is_valid', 2.0),
        'checker.nss.validate': ('stdnum.luhn.is_valid', 2.0),
    }
    print(f'{"validations per second":<34}{"rate":>15}   ratio and target')
    for kind, name, _fn, _values in rows:
        line = f'  {kind:<5}{name:<27}{fmt_rate(rates[name])}'
        if name in ratios:
            base, target = ratios[name]
            r = rates[name] / rates[base]
            verdict = 'OK' if r >= target else 'MISSED'
            line += f'   {r:4.1f}x {base}  (target >= {target:.0f}x: {verdict})'
        print(line)
    print(f'  CP   cold start: index + shards for {len(cps):,} lookups in {cold * 1000:,.0f} ms\n')

    with tempfile.TemporaryDirectory(prefix='checker-bench-') as tmp:
        tmp = Path(tmp)
        sizes = sorted({min(100_000, args.rows), args.rows})
        files = {}
        for n in sizes:
            files[n] = tmp / f'alumnos-{n}.csv'
            t0 = time.perf_counter()
            write_csv(files[n], n)
            print(
                f'generated {files[n].name}: {n:,} rows (CURP + NSS + CP), '
                f'{files[n].stat().st_size / 2**20:,.1f} MiB, '
                f'in {time.perf_counter() - t0:.1f} s'
            )
        print(
            '\npython -m checker FILE.csv --salida /dev/null: one '
            'single-threaded process'
            + (' pinned to one CPU' if PIN else '')
            + '; cpu = its user+sys time, peak RSS from os.wait4:'
        )
        print(f'  {"rows":>10}  {"duplicates":<11}{"wall":>8}{"cpu":>8}{"rows/s (cpu)":>14}{"peak RSS":>12}')
        results = {}
        for duplicates in (True, False):
            for n in sizes:
                extra = () if duplicates else ('--sin-duplicados',)
                wall, cpu, peak, status = run_batch(files[n], *extra)
                results[n, duplicates] = (wall, cpu, peak)
                print(
                    f'  {n:>10,}  {"yes" if duplicates else "no":<11}'
                    f'{wall:>7.2f}s{cpu:>7.2f}s{n / cpu:>14,.0f}'
                    f'{peak:>8.1f} MiB   (exit {status})'
                )
        if args.keep:
            keep = ROOT / '.cache' / 'bench-checker'
            keep.mkdir(parents=True, exist_ok=True)
            for f in files.values():
                (keep / f.name).write_bytes(f.read_bytes())
            print(f'  CSV files kept in {keep}')
        if not args.sin_listas:
            bench_lists(args.rows, tmp, args.repeat)
    big, small = max(sizes), min(sizes)
    wall, cpu, peak = results[big, True]
    print(
        f'\ntarget: {big:,} rows in < 10 s on one core: '
        f'{cpu:.2f} s of cpu ({wall:.2f} s wall): '
        f'{"OK" if cpu < 10 else "MISSED"}'
        + ('' if wall < 10 else ' (wall time over 10 s: the machine is busy with other work)')
    )
    if big > small:
        flat = results[big, False][2] - results[small, False][2]
        grow = results[big, True][2] - results[small, True][2]
        print(
            f'flat memory: without duplicate detection the peak grows '
            f'{flat:+.1f} MiB from {small:,} to {big:,} rows '
            f'({"OK" if flat < 5 else "MISSED"}); with it, the duplicate '
            f'tables add {grow:.1f} MiB = '
            f'{grow * 2**20 / (big - small):.0f} bytes per distinct row'
        )
    return 0


if __name__ == '__main__':
    sys.exit(main())
