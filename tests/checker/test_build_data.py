"""The postal-code data step: SEPOMEX importer, safe unpickler, SAT reader, merge."""
from __future__ import annotations

import io
import json
import os
import pickle
import sqlite3
import zlib
from pathlib import Path

import pytest

from checker import build_data, postal
from checker.exceptions import InvalidInput

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "CPdescarga.txt"


@pytest.fixture
def restore_loader():
    yield
    postal.set_loader(None)


def _build(tmp_path, *extra):
    out = tmp_path / "postal"
    assert build_data.main(["--sepomex", str(FIXTURE), "--out", str(out), *extra]) == 0
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
    assert lines[1].split("|") == list(build_data.SEPOMEX_COLUMNS)
    assert all(len(line.split("|")) == 15 for line in lines[2:] if line)
    for word in ("Jalisco", "Zapopan", "Tlaquepaque", "México", "Cuauhtémoc", "Peñitas"):
        assert word.encode("latin-1") in raw


# -- SEPOMEX importer ---------------------------------------------------------


def test_read_sepomex_file_decodes_latin1_and_groups(tmp_path):
    entries, notice, names = build_data.read_sepomex_file(FIXTURE)
    assert notice.startswith("El Catálogo Nacional de Códigos Postales")
    assert sorted(entries) == ["06600", "44100", "45010", "45200", "45500", "45640", "50000", "68000"]
    assert names["15"] == "México" and names["09"] == "Ciudad de México"
    e = entries["06600"]
    assert e.state == "09" and e.city == "Ciudad de México" and ("Juárez", "Colonia") in e.settlements
    assert entries["45200"].city == ""  # rural: no city
    for e in entries.values():
        for name, kind in e.settlements:
            assert "\r" not in name and "\r" not in kind


def test_import_builds_and_lookup_through_loader_seam(tmp_path, restore_loader):
    out = _build(tmp_path, "--date", "2024-03-15")
    assert sorted(p.name for p in out.iterdir()) == [
        "06.json", "44.json", "45.json", "50.json", "68.json", "index.bin", "meta.json", "states.json"]
    meta = json.loads((out / "meta.json").read_bytes())
    assert meta["catalogue_date"] == "2024-03-15" and meta["catalogue_date_approximate"] is False
    assert meta["counts"] == {"codes": 8, "codes_without_settlements": 0, "settlements": 10, "shards": 5}
    _use(out)
    assert postal.catalogue_date() == "2024-03-15"

    r = postal.lookup("45010")
    assert (r.code, r.state, r.state_key, r.municipalities, r.city) == (
        "45010", "Jalisco", "14", ["Zapopan"], "Zapopan")
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

    with pytest.raises(InvalidInput) as exc:
        postal.validate("44101")  # well formed, not in this small catalogue
    assert exc.value.code == "postal.unknown"
    assert "15 de marzo de 2024" in exc.value.message


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
    assert [f"{n:05d}" for n in present] == ["06600", "44100", "45010", "45200", "45500", "45640", "50000",
                                            "68000"]


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
    out = tmp_path / "out"
    assert build_data.main(["--sepomex", str(dated), "--out", str(out)]) == 0
    assert json.loads((out / "meta.json").read_bytes())["catalogue_date"] == "2025-01-07"

    copy = tmp_path / "copy.txt"
    copy.write_bytes(FIXTURE.read_bytes())
    os.utime(copy, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC
    assert build_data.main(["--sepomex", str(copy), "--out", str(out)]) == 0
    assert json.loads((out / "meta.json").read_bytes())["catalogue_date"] == "2023-11-14"


def test_date_from_notice_forms():
    assert build_data.date_from_notice("Actualizado 2024-05-31") == "2024-05-31"
    assert build_data.date_from_notice("Actualizado al 31/05/2024") == "2024-05-31"
    assert build_data.date_from_notice("1 de Septiembre del 2023") == "2023-09-01"
    assert build_data.date_from_notice("El Catálogo Nacional de Códigos Postales") is None
    assert build_data.date_from_notice("31/02/2024") is None


def test_rejects_a_file_without_the_header(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"aviso\r\n44100|Centro|Colonia\r\n")
    assert build_data.main(["--sepomex", str(bad), "--out", str(tmp_path / "o")]) == 1
    assert "header" in capsys.readouterr().err


def test_rejects_a_bad_state_key(tmp_path, capsys):
    lines = FIXTURE.read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b"|09|06599", b"|99|06599")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\r\n".join(lines))
    assert build_data.main(["--sepomex", str(bad), "--out", str(tmp_path / "o")]) == 1
    assert ":3:" in capsys.readouterr().err


def test_a_prefix_in_two_states_is_refused(tmp_path, capsys):
    lines = FIXTURE.read_bytes().split(b"\r\n")
    lines.insert(3, "44999|Otro|Colonia|Toluca|México|Toluca|50001|15|50001||09|106|0009|Urbano|01".encode("latin-1"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\r\n".join(lines))
    assert build_data.main(["--sepomex", str(bad), "--out", str(tmp_path / "o"), "--date", "2024-01-01"]) == 1
    assert "más de un estado" in capsys.readouterr().err


# -- safe unpickler -----------------------------------------------------------


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


@pytest.mark.parametrize("payload", [
    pickle.dumps(os.system, protocol=4),
    pickle.dumps(_Evil(), protocol=4),
    pickle.dumps(_Evil(), protocol=0),
    pickle.dumps(io.BytesIO, protocol=2),
    pickle.dumps({"k": _Evil()}, protocol=4),
])
def test_safe_unpickler_refuses_every_class(payload):
    with pytest.raises(pickle.UnpicklingError, match="refusing"):
        build_data.safe_loads(payload)


def test_safe_unpickler_loads_plain_data():
    value = {"44100": ["JAL", "039", "03", "0", "Tiempo del Centro"], ("0001", "44100"): "Centro",
             "n": [1, 2.5, None, True, (1, 2)]}
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        assert build_data.safe_loads(pickle.dumps(value, protocol=protocol)) == value
    assert build_data.safe_loads(pickle.dumps([b"x", {3}, frozenset()], protocol=4)) == [b"x", {3}, frozenset()]


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
    sat = build_data.read_sat_db(db)
    assert sorted(sat) == ["44100", "45010"]  # padding and placeholder dropped
    assert sat["44100"].state == "14" and sat["44100"].municipalities == ["Guadalajara"]
    assert sat["44100"].city == "Guadalajara" and sat["45010"].city == ""
    assert sat["44100"].settlements == [("Guadalajara Centro", "")]


def test_read_sat_db_refuses_a_pickled_class(tmp_path):
    db = tmp_path / "catalogs.db"
    _sat_db(db)
    conn = sqlite3.connect(db)
    conn.execute('INSERT INTO "C756_c_Municipio" VALUES (?, ?)',
                 (pickle.dumps(("999", "JAL")), pickle.dumps(_Evil())))
    conn.commit()
    conn.close()
    with pytest.raises(pickle.UnpicklingError):
        build_data.read_sat_db(db)


def test_merge_prefers_sepomex_adds_sat_only_and_reports(tmp_path):
    db = tmp_path / "catalogs.db"
    _sat_db(db)
    sat = build_data.read_sat_db(db)
    sep, _, _ = build_data.read_sepomex_file(FIXTURE)
    sep["45010"].state = "15"  # force a disagreement
    lines = []
    merged, report = build_data.merge(sat, {k: v for k, v in sep.items() if k != "44100"}, log=lines.append)
    assert report["state_disagreements"] == 1
    assert any("NO COINCIDEN" in line for line in lines) and any("45010" in line for line in lines)
    assert report["sat_only_codes"] == 1 and merged["44100"].settlements == [("Guadalajara Centro", "")]
    assert merged["45010"] is sep["45010"]  # SEPOMEX wins where present
    assert report["shared_codes"] == 1 and report["sepomex_2018_only_codes"] == 6


def test_postalcodes_mexico_reader():
    sep = build_data.read_postalcodes_mexico()
    assert 32_000 < len(sep) < 33_000
    e = sep["44100"]
    assert e.state == "14" and "Guadalajara" in e.municipalities
