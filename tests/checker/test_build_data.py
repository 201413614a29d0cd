"""The postal-code data tool ``python -m update.postal``: sources, merge, output.

(The tool lives in ``update/``, outside the shipped package; these tests run
under CPython only.)
"""

from __future__ import annotations

import io
import json
import os
import pickle
import sqlite3
import zlib
from pathlib import Path

import pytest

from checker import postal
from checker.exceptions import InvalidInput
from update import postal as tool
from update import postal_merge, postal_sources
from update.postal_merge import Source, merge
from update.postal_sources import Entry

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sepomex"
FIXTURE = FIXTURES / "CPdescarga.txt"


@pytest.fixture
def restore_loader():
    yield
    postal.set_loader(None)


def _build(tmp_path, *extra, source=FIXTURE):
    out = tmp_path / "postal"
    args = [
        "--sepomex",
        str(source),
        "--alone",
        "--allow-partial",
        "--out",
        str(out),
        "--snapshot",
        str(tmp_path / "snapshot.json.gz"),
        *extra,
    ]
    assert tool.main(args) == 0
    return out


def _use(out):
    postal.set_loader(lambda name: (out / name).read_bytes())


# -- the fixture really is in the official format ----------------------------


def test_fixture_is_latin1_crlf_with_notice_and_header():
    raw = FIXTURE.read_bytes()
    assert b"\r\n" in raw and raw.count(b"\r\n") == raw.count(b"\n")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    lines = raw.decode("latin-1").split("\r\n")
    assert "Correos de México" in lines[0] and "|" not in lines[0]
    assert lines[1].split("|") == list(postal_sources.SEPOMEX_COLUMNS)
    assert all(len(line.split("|")) == 15 for line in lines[2:] if line)
    for word in ("Jalisco", "Zapopan", "Tlaquepaque", "México", "Cuauhtémoc", "Peñitas"):
        assert word.encode("latin-1") in raw


# -- SEPOMEX importer ---------------------------------------------------------


def test_read_sepomex_file_decodes_latin1_and_groups():
    entries, notice, names = postal_sources.read_sepomex_file(FIXTURE)
    assert notice.startswith("El Catálogo Nacional de Códigos Postales")
    assert sorted(entries) == ["06600", "44100", "45010", "45200", "45500", "45640", "50000", "68000"]
    assert names["15"] == "México" and names["09"] == "Ciudad de México"
    e = entries["06600"]
    assert e.state == "09" and e.city == "Ciudad de México" and ("Juárez", "Colonia") in e.settlements
    assert entries["45200"].city == ""  # rural: no city
    for e in entries.values():
        for name, kind in e.settlements:
            assert "\r" not in name and "\r" not in kind


def test_a_file_saved_again_as_utf8_reads_the_same(tmp_path):
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(FIXTURE.read_bytes().decode("latin-1").encode("utf-8"))
    assert postal_sources.read_sepomex_file(utf8)[0] == postal_sources.read_sepomex_file(FIXTURE)[0]


def test_import_builds_and_lookup_through_loader_seam(tmp_path, restore_loader):
    out = _build(tmp_path, "--date", "2024-03-15")
    assert sorted(p.name for p in out.iterdir()) == [
        "06.json",
        "44.json",
        "45.json",
        "50.json",
        "68.json",
        "index.bin",
        "meta.json",
        "states.json",
    ]
    meta = json.loads((out / "meta.json").read_bytes())
    assert meta["catalogue_date"] == "2024-03-15" and meta["catalogue_date_approximate"] is False
    assert meta["counts"] == {
        "codes": 8,
        "codes_with_former_names": 0,
        "codes_without_settlements": 0,
        "settlements": 10,
        "shards": 5,
    }
    assert [s["short"] for s in meta["sources"]] == ["Correos de México (SEPOMEX)"]
    assert meta["prefix_states"] == {"06": "09", "44": "14", "45": "14", "50": "15", "68": "20"}
    _use(out)
    assert postal.catalogue_date() == "2024-03-15"
    assert postal.catalogue()["sources"] == ["Correos de México (SEPOMEX), 15 de marzo de 2024"]

    r = postal.lookup("45010")
    assert (r.code, r.state, r.state_key, r.municipalities, r.city) == (
        "45010",
        "Jalisco",
        "14",
        ["Zapopan"],
        "Zapopan",
    )
    # the duplicated line is kept once; sorted by type, then name
    assert r.settlements == [("Jardines de Guadalupe", "Colonia"), ("Villa Universitaria", "Fraccionamiento")]

    r = postal.lookup("45500")
    assert r.municipalities == ["San Pedro Tlaquepaque"]
    assert r.settlements == [("Tlaquepaque Centro", "Barrio"), ("San Pedro Tlaquepaque Centro", "Colonia")]
    assert postal.lookup("45640").settlements == [("Las Peñitas", "Ranchería")]
    assert postal.lookup("45640").municipalities == ["Tlajomulco de Zúñiga"]
    assert postal.lookup("45200").city == ""
    r = postal.lookup("50000")
    assert (r.state, r.municipalities, r.city) == ("México", ["Toluca"], "Toluca de Lerdo")
    assert postal.lookup("06600").municipalities == ["Cuauhtémoc"]

    # well formed and in a state's prefix, not in this small catalogue: a warning
    code, warnings = postal.check("44101")
    assert [w["code"] for w in warnings] == ["postal.unknown"]
    assert "del 15 de marzo de 2024" in warnings[0]["message"] and "(Jalisco)" in warnings[0]["message"]
    with pytest.raises(InvalidInput) as exc:
        postal.validate("44101")
    assert exc.value.code == "postal.unknown"
    # a prefix no state of this catalogue uses: impossible, an error
    with pytest.raises(InvalidInput) as exc:
        postal.check("70000")
    assert exc.value.code == "postal.prefix"


def test_states_table(tmp_path):
    out = _build(tmp_path, "--date", "2024-03-15")
    states = json.loads((out / "states.json").read_bytes())
    assert len(states) == 32
    assert states["14"] == {"curp": "JC", "name": "Jalisco", "prefixes": ["44", "45"], "sat": "JAL"}
    assert states["15"]["name"] == "México" and states["15"]["prefixes"] == ["50"]


def test_index_is_zlib_bitmap(tmp_path):
    out = _build(tmp_path, "--date", "2024-03-15")
    bitmap = zlib.decompress((out / "index.bin").read_bytes())
    assert len(bitmap) == 12_500
    present = [n for n in range(100_000) if bitmap[n >> 3] >> (n & 7) & 1]
    assert [f"{n:05d}" for n in present] == ["06600", "44100", "45010", "45200", "45500", "45640", "50000", "68000"]


def test_build_is_deterministic(tmp_path):
    a = _build(tmp_path / "a", "--date", "2024-03-15")
    b = _build(tmp_path / "b", "--date", "2024-03-15")
    for path in a.iterdir():
        assert path.read_bytes() == (b / path.name).read_bytes(), path.name
    # building again in place changes nothing
    before = {p.name: p.read_bytes() for p in a.iterdir()}
    _build(tmp_path / "a", "--date", "2024-03-15")
    assert {p.name: p.read_bytes() for p in a.iterdir()} == before


def test_date_from_notice_line_or_file_mtime(tmp_path):
    dated = tmp_path / "CPdescarga.txt"
    raw = FIXTURE.read_bytes().split(b"\r\n", 1)
    dated.write_bytes("Catálogo actualizado al 7 de enero de 2025. ".encode("latin-1") + raw[0] + b"\r\n" + raw[1])
    out = _build(tmp_path, source=dated)
    assert json.loads((out / "meta.json").read_bytes())["catalogue_date"] == "2025-01-07"

    copy = tmp_path / "copy.txt"
    copy.write_bytes(FIXTURE.read_bytes())
    os.utime(copy, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC
    out = _build(tmp_path, source=copy)
    assert json.loads((out / "meta.json").read_bytes())["catalogue_date"] == "2023-11-14"


def test_date_from_notice_forms():
    date_from_notice = postal_sources.date_from_notice
    assert date_from_notice("Actualizado 2024-05-31") == "2024-05-31"
    assert date_from_notice("Actualizado al 31/05/2024") == "2024-05-31"
    assert date_from_notice("1 de Septiembre del 2023") == "2023-09-01"
    assert date_from_notice("El Catálogo Nacional de Códigos Postales") is None
    assert date_from_notice("31/02/2024") is None


def _main(tmp_path, source, *extra):
    return tool.main(
        [
            "--sepomex",
            str(source),
            "--alone",
            "--allow-partial",
            "--out",
            str(tmp_path / "o"),
            "--snapshot",
            str(tmp_path / "s.json.gz"),
            *extra,
        ]
    )


def test_rejects_a_file_without_the_header(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"aviso\r\n44100|Centro|Colonia\r\n")
    assert _main(tmp_path, bad) == 1
    assert "header" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_rejects_a_bad_state_key(tmp_path, capsys):
    lines = FIXTURE.read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b"|09|06599", b"|99|06599")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\r\n".join(lines))
    assert _main(tmp_path, bad) == 1
    assert ":3:" in capsys.readouterr().err


def test_rejects_a_cut_off_file(tmp_path, capsys):
    raw = FIXTURE.read_bytes()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(raw[: raw.rindex(b"|Oaxaca|")])  # the last line stops half-way
    assert _main(tmp_path, cut) == 1
    assert "truncated" in capsys.readouterr().err


def test_a_prefix_in_two_states_is_refused(tmp_path, capsys):
    lines = FIXTURE.read_bytes().split(b"\r\n")
    lines.insert(3, "44999|Otro|Colonia|Toluca|México|Toluca|50001|15|50001||09|106|0009|Urbano|01".encode("latin-1"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\r\n".join(lines))
    assert _main(tmp_path, bad, "--date", "2024-01-01") == 1
    assert "más de un estado" in capsys.readouterr().err


def test_options_that_need_sepomex(capsys):
    for args in (["--date", "2024-01-01"], ["--alone"], ["--allow-partial"]):
        with pytest.raises(SystemExit):
            tool.main(args)
    assert "--sepomex" in capsys.readouterr().err


# -- safe unpickler -----------------------------------------------------------


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


@pytest.mark.parametrize(
    "payload",
    [
        pickle.dumps(os.system, protocol=4),
        pickle.dumps(_Evil(), protocol=4),
        pickle.dumps(_Evil(), protocol=0),
        pickle.dumps(io.BytesIO, protocol=2),
        pickle.dumps({"k": _Evil()}, protocol=4),
    ],
)
def test_safe_unpickler_refuses_every_class(payload):
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        postal_sources.safe_loads(payload)


def test_safe_unpickler_loads_plain_data():
    value = {
        "44100": ["JAL", "039", "03", "0", "Tiempo del Centro"],
        ("0001", "44100"): "Centro",
        "n": [1, 2.5, None, True, (1, 2)],
    }
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        assert postal_sources.safe_loads(pickle.dumps(value, protocol=protocol)) == value
    assert postal_sources.safe_loads(pickle.dumps([b"x", {3}, frozenset()], protocol=4)) == [b"x", {3}, frozenset()]


# -- SAT reader on a small catalogs.db in satcfdi's shape ---------------------


def _sat_db(path):
    conn = sqlite3.connect(path)
    p = lambda v: pickle.dumps(v, protocol=4)  # noqa: E731
    tables = {
        "C756_c_CodigoPostal": {
            "00000": ["TLA", "000", "00", "0", "Tiempo del Centro"],  # placeholder
            "44100": ["JAL", "039", "03", "0", "Tiempo del Centro"],
            "44101": ["JAL", "", "", "0", "Tiempo del Centro"],  # padding of the 1,000 block
            "45010": ["JAL", "120", "", "0", "Tiempo del Centro"],
        },
        "C756_c_Colonia": {("0003", "44100"): "Guadalajara Centro", ("0001", "45010"): "Villa Universitaria"},
        "C756_c_Municipio": {("039", "JAL"): "Guadalajara", ("120", "JAL"): "Zapopan"},
        "C756_c_Localidad": {("03", "JAL"): "Guadalajara"},
    }
    for table, rows in tables.items():
        conn.execute(f'CREATE TABLE "{table}" (key BLOB PRIMARY KEY, value BLOB)')
        conn.executemany(f'INSERT INTO "{table}" VALUES (?, ?)', [(p(k), p(v)) for k, v in rows.items()])
    conn.commit()
    conn.close()


def test_read_sat_db(tmp_path):
    db = tmp_path / "catalogs.db"
    _sat_db(db)
    sat = postal_sources.read_sat_db(db)
    assert sorted(sat) == ["44100", "45010"]  # padding and placeholder dropped
    assert sat["44100"].state == "14" and sat["44100"].municipalities == ["Guadalajara"]
    assert sat["44100"].city == "Guadalajara" and sat["45010"].city == ""
    assert sat["44100"].settlements == [("Guadalajara Centro", "")]


def test_read_sat_db_refuses_a_pickled_class(tmp_path):
    db = tmp_path / "catalogs.db"
    _sat_db(db)
    conn = sqlite3.connect(db)
    conn.execute('INSERT INTO "C756_c_Municipio" VALUES (?, ?)', (pickle.dumps(("999", "JAL")), pickle.dumps(_Evil())))
    conn.commit()
    conn.close()
    with pytest.raises(pickle.UnpicklingError):
        postal_sources.read_sat_db(db)


def test_postalcodes_mexico_reader():
    sep = postal_sources.read_postalcodes_mexico()
    assert 32_000 < len(sep) < 33_000
    e = sep["44100"]
    assert e.state == "14" and "Guadalajara" in e.municipalities


# -- merge: the newest source wins on names -----------------------------------

SEP2018 = {
    "29380": Entry("07", ["Acala"], "", [("San Joaquín", "Ranchería")]),
    "29600": Entry("07", ["Tecpatán"], "", [("Zona C", "Barrio")]),
    "76000": Entry("22", ["Querétaro"], "Santiago de Querétaro", [("Centro", "Colonia")]),
    "21701": Entry("21", ["Tecamachalco"], "", [("Uno", "Colonia")]),
}
SAT2019 = {
    "29380": Entry("07", ["Emiliano Zapata"], "", [("San Joaquín", ""), ("El Cinco", "")]),
    "29600": Entry("07", ["Mezcalapa"], "", [("ZONA C", "")]),
    "76000": Entry("22", ["Querétaro"], "Querétaro", [("Centro", "")]),
    "29053": Entry("07", ["Tuxtla Gutiérrez"], "Tuxtla Gutiérrez", [("Nueva", "")]),
}


def _merge(*sources):
    lines = []
    merged, report = merge(list(sources), log=lines.append)
    return merged, report, "\n".join(lines)


def test_newest_source_wins_on_names_and_the_old_name_stays():
    merged, report, printed = _merge(
        Source("SEPOMEX 2018", "2018-03-01", SEP2018), Source("SAT", "2019-01-01", SAT2019)
    )
    assert sorted(merged) == ["21701", "29053", "29380", "29600", "76000"]  # the union
    e = merged["29600"]
    assert e.municipalities == ["Mezcalapa"] and e.former == ["Tecpatán"]
    assert merged["29380"].municipalities == ["Emiliano Zapata"] and merged["29380"].former == ["Acala"]
    e = merged["76000"]
    assert e.city == "Querétaro" and e.former_cities == ["Santiago de Querétaro"]
    assert e.municipalities == ["Querétaro"] and e.former == []  # the older city is no former municipality
    assert merged["21701"].municipalities == ["Tecamachalco"]  # only SEPOMEX 2018 has it
    assert report["names_changed"] == {"state": 0, "municipality": 2, "city": 1}
    assert "29600 Tecpatán → Mezcalapa" in report["names_changed_examples"]["municipality"]
    # the build prints what the rule changed, with examples
    assert "municipio: 2 códigos  p. ej. 29380 Acala → Emiliano Zapata, 29600 Tecpatán → Mezcalapa" in printed


def test_settlements_are_the_union_with_sepomex_types():
    merged, report, _ = _merge(Source("SEPOMEX 2018", "2018-03-01", SEP2018), Source("SAT", "2019-01-01", SAT2019))
    assert merged["29380"].settlements == [("San Joaquín", "Ranchería"), ("El Cinco", "")]
    assert merged["29600"].settlements == [("Zona C", "Barrio")]  # same name, any case: one, typed
    assert report["settlements_added_by_union"] == 1


def test_an_official_catalogue_decides_which_codes_exist():
    official = {
        "29600": Entry("07", ["Mezcalapa"], "", [("Zona C", "Barrio"), ("Dique I", "Barrio")]),
        "29053": Entry("07", ["Tuxtla Gutiérrez"], "Tuxtla Gutiérrez", [("Nueva", "Colonia")]),
    }
    merged, _, printed = _merge(
        Source("SEPOMEX 2018", "2018-03-01", SEP2018),
        Source("SAT", "2019-01-01", SAT2019),
        Source("SEPOMEX 2025", "2025-05-01", official, official=True),
    )
    assert sorted(merged) == ["29053", "29600"]  # retired codes of older sources are gone
    assert "3 de fuentes anteriores ya no existen" in printed
    assert merged["29600"].former == ["Tecpatán"]
    assert merged["29053"].settlements == [("Nueva", "Colonia")]


def test_a_state_that_changes_is_printed_loudly():
    moved = {"29600": Entry("27", ["Mezcalapa"])}
    _, report, printed = _merge(
        Source("SEPOMEX 2018", "2018-03-01", {"29600": SEP2018["29600"]}), Source("SAT", "2019-01-01", moved)
    )
    assert report["names_changed"]["state"] == 1 and "EL ESTADO CAMBIÓ" in printed


def test_merge_rules_are_written_into_meta(tmp_path):
    out = _build(tmp_path, "--date", "2024-03-15")
    assert json.loads((out / "meta.json").read_bytes())["merge"] == postal_merge.RULES


# -- the default build: packages plus the imported official catalogue ----------


def test_default_build_uses_the_kept_official_catalogue(tmp_path, monkeypatch, restore_loader):
    monkeypatch.setattr(tool, "read_postalcodes_mexico", lambda: dict(SEP2018))
    monkeypatch.setattr(tool, "read_sat", lambda downloads: dict(SAT2019))
    out, snapshot = tmp_path / "out", tmp_path / "sepomex.json.gz"
    # without an official catalogue: SEPOMEX 2018 and SAT, dated as SAT's (about 2019)
    assert tool.main(["--out", str(out), "--snapshot", str(snapshot)]) == 0
    meta = json.loads((out / "meta.json").read_bytes())
    assert meta["catalogue_date"] == "2019-01-01" and meta["catalogue_date_precision"] == "year"
    assert meta["counts"]["codes"] == 5
    _use(out)
    assert postal.lookup("29600").municipalities == ["Mezcalapa", "Tecpatán"]
    assert postal.lookup("29600").former == ("Tecpatán",)
    assert postal.catalogue()["sources"] == [
        "catálogo c_CodigoPostal del SAT, hacia 2019",
        "Correos de México (SEPOMEX), marzo de 2018",
    ]
    # an official catalogue kept from an earlier --sepomex import is the newest source
    entries, notice, names = postal_sources.read_sepomex_file(FIXTURE)
    postal_sources.write_snapshot(postal_sources.Snapshot(entries, "2024-03-15", notice, names), snapshot)
    assert tool.main(["--out", str(out), "--snapshot", str(snapshot)]) == 0
    _use(out)
    meta = json.loads((out / "meta.json").read_bytes())
    assert meta["catalogue_date"] == "2024-03-15" and meta["counts"]["codes"] == 8
    assert [s["short"] for s in meta["sources"]] == [
        "Correos de México (SEPOMEX)",
        "catálogo c_CodigoPostal del SAT",
        "Correos de México (SEPOMEX)",
    ]
    assert not postal.is_valid("29600")
    assert postal.lookup("44100").settlements == [("Guadalajara Centro", "Colonia")]


def test_snapshot_round_trip(tmp_path):
    entries, notice, names = postal_sources.read_sepomex_file(FIXTURE)
    path = tmp_path / "s.json.gz"
    snap = postal_sources.Snapshot(entries, "2024-03-15", notice, names, "CPdescarga.txt", "ab" * 32)
    assert postal_sources.write_snapshot(snap, path) is True
    assert postal_sources.write_snapshot(snap, path) is False  # deterministic: unchanged
    back = postal_sources.read_snapshot(path)
    assert back.date == "2024-03-15" and back.sha256 == "ab" * 32 and back.notice == notice
    assert sorted(back.entries) == sorted(entries)
    assert back.entries["45010"].settlements == [
        ("Jardines de Guadalupe", "Colonia"),
        ("Villa Universitaria", "Fraccionamiento"),
    ]
    assert postal_sources.read_snapshot(tmp_path / "none.json.gz") is None
    (tmp_path / "bad.json.gz").write_bytes(b"not gzip")
    with pytest.raises(postal_sources.DataError):
        postal_sources.read_snapshot(tmp_path / "bad.json.gz")
