"""The refresh's change summary (the pull request's body) and its safety net.

Two small fixture catalogues in the official format stand for two months of
Correos de México (``fixtures/sepomex/CPdescarga.txt`` and
``CPdescarga-2025.txt``: one code added, one retired, one municipality
changed, one settlement added); synthetic national files test the
completeness checks (at least 30,000 codes, all 32 states, no state losing
more than 2 % of its codes), which refuse a download before anything is
written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from update import postal as tool
from update import postal_changes, postal_sources
from update.postal_sources import STATES, Entry

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sepomex"
OLD, NEW = FIXTURES / "CPdescarga.txt", FIXTURES / "CPdescarga-2025.txt"


def _entries(path):
    return postal_sources.read_sepomex_file(path)[0]


def test_summary_of_two_fixture_catalogues():
    s = postal_changes.summarize(_entries(OLD), _entries(NEW))
    assert (s["old_codes"], s["new_codes"]) == (8, 8)
    assert s["added"] == ["45019"]
    assert s["removed"] == ["50000"]
    assert s["renamed"] == ["45200: municipio Zapopan → San Cristóbal de la Barranca"]
    assert s["settlements_added"] == ["44100: Centro Histórico (Colonia)"]
    assert s["settlements_removed"] == []
    assert s["settlements_in_added_codes"] == 1


def test_summary_against_nothing_lists_every_code_as_new():
    s = postal_changes.summarize(None, _entries(OLD))
    assert s["old_codes"] == 0 and len(s["added"]) == 8 and s["removed"] == s["renamed"] == []


def test_markdown_body_and_printed_lines():
    s = postal_changes.summarize(_entries(OLD), _entries(NEW))
    body = postal_changes.markdown(s, "Catálogo de códigos postales del 2025-05-01")
    assert body.startswith("## Catálogo de códigos postales del 2025-05-01\n")
    assert "### Códigos nuevos: 1\n\n- 45019\n" in body
    assert "### Códigos que ya no están: 1\n\n- 50000\n" in body
    assert "- 45200: municipio Zapopan → San Cristóbal de la Barranca" in body
    assert "### Asentamientos nuevos en códigos que ya existían: 1\n\n- 44100: Centro Histórico (Colonia)" in body
    lines = postal_changes.text(s)
    assert lines[0] == "cambios frente al catálogo anterior (8 → 8 códigos):"
    assert "  códigos nuevos: 1  p. ej. 45019" in lines


def test_markdown_caps_long_lists():
    many = {f"44{n:03d}": Entry("14", ["Guadalajara"]) for n in range(300)}
    body = postal_changes.markdown(postal_changes.summarize({}, many), "x", limit=10)
    assert "- 44009\n- … y 290 más" in body


def test_the_build_prints_and_writes_the_summary(tmp_path, capsys):
    out, snap, md = tmp_path / "out", tmp_path / "s.json.gz", tmp_path / "cambios.md"
    common = ["--alone", "--allow-partial", "--out", str(out), "--snapshot", str(snap)]
    assert tool.main(["--sepomex", str(OLD), "--date", "2024-03-15", *common]) == 0
    capsys.readouterr()
    assert tool.main(["--sepomex", str(NEW), "--date", "2025-05-01", "--summary", str(md), *common]) == 0
    printed = capsys.readouterr().out
    assert "cambios frente al catálogo anterior (8 → 8 códigos):" in printed
    assert "códigos que ya no están: 1  p. ej. 50000" in printed
    body = md.read_text(encoding="utf-8")
    assert body.startswith("## Catálogo de códigos postales del 2025-05-01")
    assert "- 45019" in body and "- 50000" in body and "San Cristóbal de la Barranca" in body
    assert not snap.exists()  # an extract (--allow-partial) never becomes the official catalogue


# -- the safety net -----------------------------------------------------------

PREFIXES = [f"{n:02d}" for n in range(1, 100) if not 17 <= n <= 19]  # the 96 prefixes in use


def _national(per_prefix=320, drop=()):
    """A synthetic national catalogue: every prefix, each state owning three."""
    entries = {}
    for i, prefix in enumerate(PREFIXES):
        state = STATES[i % 32][0]
        for n in range(per_prefix):
            code = f"{prefix}{n:03d}"
            if code not in drop:
                entries[code] = Entry(state, ["Municipio"], "", [(f"Colonia {n}", "Colonia")])
    return entries


def test_a_whole_catalogue_passes():
    national = _national()
    assert len(national) == 96 * 320 >= postal_changes.MIN_CODES
    assert postal_changes.sanity_problems(national, None) == []
    assert postal_changes.sanity_problems(national, national) == []


def test_too_few_codes():
    (problem,) = postal_changes.sanity_problems(_national(per_prefix=300), None)  # 28,800
    assert problem.startswith("solo 28,800 códigos")


def test_a_missing_state():
    national = {c: e for c, e in _national(per_prefix=330).items() if e.state != "07"}
    problems = postal_changes.sanity_problems(national, None)
    assert problems == ["faltan 1 estados: Chiapas"]


def test_a_state_losing_more_than_two_percent():
    before = _national()
    chiapas = sorted(c for c, e in before.items() if e.state == "07")  # 960 codes
    ok = _national(drop=set(chiapas[:19]))  # 1.98 %
    assert postal_changes.sanity_problems(ok, before) == []
    bad = _national(drop=set(chiapas[:20]))  # 2.08 %
    assert postal_changes.sanity_problems(bad, before) == [
        "Chiapas pierde 20 de sus 960 códigos (2.1%; el máximo es 2%)"
    ]


def _write(path, entries, notice="El Catálogo Nacional de Códigos Postales es elaborado por Correos de México"):
    lines = [notice, "|".join(postal_sources.SEPOMEX_COLUMNS)]
    names = {inegi: name for inegi, _sat, _curp, name in STATES}
    for code, e in sorted(entries.items()):
        for settlement, kind in e.settlements:
            lines.append(
                "|".join(
                    [
                        code,
                        settlement,
                        kind,
                        e.municipalities[0],
                        names[e.state],
                        e.city,
                        code,
                        e.state,
                        code,
                        "",
                        "09",
                        "001",
                        "0001",
                        "Urbano",
                        "",
                    ]
                )
            )
    path.write_bytes("\r\n".join(lines).encode("latin-1") + b"\r\n")
    return path


def test_an_official_import_that_looks_wrong_writes_nothing(tmp_path, capsys):
    out, snap = tmp_path / "out", tmp_path / "sepomex.json.gz"
    common = ["--alone", "--out", str(out), "--snapshot", str(snap)]
    # a first whole national file: built and kept as the official catalogue
    first = _write(tmp_path / "2025-05.txt", _national())
    assert tool.main(["--sepomex", str(first), "--date", "2025-05-01", *common]) == 0
    assert "sin catálogo oficial anterior" in capsys.readouterr().out
    assert postal_sources.read_snapshot(snap).date == "2025-05-01"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    kept = snap.read_bytes()

    # next month's download lost 5 % of Chiapas: refused, nothing changes
    chiapas = sorted(c for c, e in _national().items() if e.state == "07")
    second = _write(tmp_path / "2025-06.txt", _national(drop=set(chiapas[:48])))
    assert tool.main(["--sepomex", str(second), "--date", "2025-06-01", *common]) == 1
    err = capsys.readouterr().err
    assert "no parece el catálogo nacional completo; no se escribió nada" in err
    assert "Chiapas pierde 48 de sus 960 códigos" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before and snap.read_bytes() == kept

    # a cut-off download (a few states only) is refused too
    partial = _write(tmp_path / "cut.txt", {c: e for c, e in _national().items() if c < "30000"})
    assert tool.main(["--sepomex", str(partial), "--date", "2025-06-01", *common]) == 1
    err = capsys.readouterr().err
    assert "códigos (un archivo nacional completo tiene más de 30,000)" in err and "faltan" in err
    assert snap.read_bytes() == kept

    meta = json.loads((out / "meta.json").read_bytes())
    assert meta["catalogue_date"] == "2025-05-01" and meta["counts"]["codes"] == 96 * 320
    assert len(meta["sources"][0]["sha256"]) == 64


@pytest.mark.parametrize("name", ["refresh-postal.yml"])
def test_the_workflow_runs_the_tested_commands(name):
    """The scheduled job calls exactly the commands tested here."""
    workflow = (Path(__file__).resolve().parents[2] / ".github" / "workflows" / name).read_text(encoding="utf-8")
    assert "cron:" in workflow and "workflow_dispatch:" in workflow
    assert "python -m update.sepomex_download" in workflow
    assert "python -m update.postal --sepomex" in workflow and "--summary" in workflow
    assert "make test" in workflow
    assert "--allow-partial" not in workflow  # the safety net stays on
    assert "peter-evans/create-pull-request@v" in workflow
