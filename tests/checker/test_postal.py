"""checker.postal, rule by rule, on the catalogue built by ``python -m update.postal``."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import postal
from checker.exceptions import InvalidInput

# next to the module, also where the Pyodide run of these tests puts the data
DATA_DIR = Path(postal.__file__).resolve().parent / "data" / "postal"


@pytest.fixture(scope="module", autouse=True)
def catalogue(tmp_path_factory):
    """The built catalogue: checker/data/postal (``make data``), else build it here."""
    out = DATA_DIR
    if not (out / "meta.json").is_file():
        from update import postal as tool  # the maintainer's tool: CPython only

        out = tmp_path_factory.mktemp("postal")
        assert tool.main(["--out", str(out), "--snapshot", str(out / "none.json.gz")]) == 0
    files = {p.name: p.read_bytes() for p in out.iterdir()}
    postal.set_loader(files.__getitem__)
    yield files
    postal.set_loader(None)


@pytest.fixture
def fresh_loader(catalogue):
    yield
    postal.set_loader(catalogue.__getitem__)


def _error(value):
    with pytest.raises(InvalidInput) as exc:
        postal.validate(value)
    return exc.value


# -- format -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("44100", "44100"),
        (" 44100 ", "44100"),
        ("44 100", "44100"),
        ("44-100", "44100"),
        ("\t06600\n", "06600"),
        ("06\u00a0600", "06600"),
    ],
)
def test_compact_and_validate(value, expected):
    assert postal.validate(value) == expected
    assert postal.is_valid(value)


@pytest.mark.parametrize("value, count", [("4410", 4), ("6600", 4), ("1", 1), ("441", 3)])
def test_too_short(value, count):
    e = _error(value)
    assert e.code == "postal.length" and e.position is None
    assert f"tiene {count}" in e.message and "06600" in e.message  # hint about the leading zero


def test_empty():
    for value in ("", "   ", " - "):
        e = _error(value)
        assert e.code == "postal.length" and "5 dígitos" in e.message


def test_too_long():
    e = _error("441000")
    assert e.code == "postal.length" and e.position == 5 and "6 dígitos" in e.message
    assert _error("4" * 10_000).code == "postal.length"


@pytest.mark.parametrize(
    "value, position, char",
    [
        ("44a00", 2, "a"),
        ("C.P.44100", 0, "C"),
        ("44.100", 2, "."),
        ("4410x", 4, "x"),
        ("44100.", 5, "."),
    ],
)
def test_non_digit_names_its_position(value, position, char):
    e = _error(value)
    assert e.code == "postal.digits" and e.position == position
    assert f"carácter {position + 1} («{char}»)" in e.message


@pytest.mark.parametrize("value", ["٤٤١٠٠", "４４１００", "44１00", "4410\u0663", "४४१००", "44²00"])
def test_unicode_digits_are_rejected(value):
    e = _error(value)
    assert e.code == "postal.digits"
    assert e.position == next(i for i, c in enumerate(value) if not "0" <= c <= "9")
    assert "0 al 9" in e.message


def test_letter_o_hint():
    e = _error("O6600")
    assert e.code == "postal.digits" and e.position == 0 and "número 0" in e.message


def test_invisible_character_is_shown_by_code_point():
    e = _error("44\u200b100")
    assert e.code == "postal.digits" and e.position == 2 and "U+200B" in e.message


def test_not_a_string():
    for value in (None, 44100, b"44100", ["44100"]):
        with pytest.raises(InvalidInput):
            postal.validate(value)
        with pytest.raises(InvalidInput):
            postal.lookup(value)
        assert postal.is_valid(value) is False


# -- prefixes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, prefix",
    [
        ("00000", "00"),
        ("00999", "00"),
        ("00100", "00"),
        ("17000", "17"),
        ("18100", "18"),
        ("19999", "19"),
    ],
)
def test_unused_prefixes(value, prefix):
    e = _error(value)
    assert e.code == "postal.prefix"
    assert f"empieza con {prefix}" in e.message and "Ningún código postal de México" in e.message


def test_everything_below_01000_is_refused_and_01000_is_the_lowest():
    for n in range(1000):
        assert _error(f"{n:05d}").code == "postal.prefix"
    assert postal.validate("01000") == "01000"
    assert postal.lookup("01000").state == "Ciudad de México"


def test_index_has_no_code_with_an_unused_prefix(catalogue):
    bitmap = zlib.decompress(catalogue["index.bin"])
    present = [n for n in range(100_000) if bitmap[n >> 3] >> (n & 7) & 1]
    assert min(present) == 1000
    assert not [n for n in present if f"{n:05d}"[:2] in postal.UNUSED_PREFIXES]


# -- unknown codes: possible, so a warning; validate() stays strict ------------


@pytest.mark.parametrize("value, state", [("44109", "Jalisco"), ("99999", "Zacatecas"), ("01001", "Ciudad de México")])
def test_unknown_code_is_a_warning_naming_date_state_and_what_to_do(value, state):
    e = _error(value)
    assert e.code == "postal.unknown" and e.position is None
    assert postal.is_valid(value) is False
    code, warnings = postal.check(value)
    assert code == value and [w["code"] for w in warnings] == ["postal.unknown"]
    message = warnings[0]["message"]
    assert message == e.message
    assert f"El código postal {value} ({state}) no aparece en el catálogo de códigos postales" in message
    assert postal.catalogue_date()[:4] in message
    assert "si tu colonia es nueva puede ser correcto" in message
    assert "recibo de luz o agua" in message and "Correos de México" in message
    info = postal.explain(value)
    assert info["in_catalogue"] is False and info["state"] == state and info["code"] == value
    assert info["municipalities"] == [] and info["settlements"] == [] and info["warnings"] == warnings


def test_check_raises_only_for_impossible_codes():
    assert postal.check(" 44100 ") == ("44100", [])
    for value, code in (
        ("4410", "postal.length"),
        ("44a00", "postal.digits"),
        ("18000", "postal.prefix"),
        ("00999", "postal.prefix"),
    ):
        with pytest.raises(InvalidInput) as exc:
            postal.check(value)
        assert exc.value.code == code


def test_a_prefix_no_state_uses_is_an_error(catalogue, fresh_loader):
    meta = json.loads(catalogue["meta.json"])
    del meta["prefix_states"]["44"]  # a catalogue where no state uses 44
    files = {**catalogue, "meta.json": json.dumps(meta).encode()}
    postal.set_loader(files.__getitem__)
    with pytest.raises(InvalidInput) as exc:
        postal.check("44109")
    assert exc.value.code == "postal.prefix" and "Ningún estado usa" in exc.value.message
    assert postal.check("44100") == ("44100", [])  # what the index has is still there


def test_unknown_code_without_prefix_states_in_meta(catalogue, fresh_loader):
    # a catalogue built before meta.json listed each prefix's state
    meta = json.loads(catalogue["meta.json"])
    del meta["prefix_states"]
    files = {**catalogue, "meta.json": json.dumps(meta).encode()}
    postal.set_loader(files.__getitem__)
    assert postal.explain("44109")["state"] == "Jalisco"


def test_catalogue_names_its_date_and_sources():
    info = postal.catalogue()
    assert info["date"] == postal.catalogue_date()
    assert info["sources"] and all(", " in s for s in info["sources"])
    assert any("Correos de México" in s for s in info["sources"])
    e = postal.explain("44100")
    assert e["sources"] == info["sources"] and e["catalogue"] == info["words"] and e["in_catalogue"] is True


# -- newest source wins on names; the older one stays an alias ------------------


def test_renamed_municipality_lists_current_name_first(catalogue):
    if not json.loads(catalogue["meta.json"])["counts"].get("codes_with_former_names"):
        pytest.skip("this catalogue has no former names")
    r = postal.lookup("29600")  # Tecpatán until the SAT's Mezcalapa
    assert r.municipalities == ["Mezcalapa", "Tecpatán"] and r.former == ("Tecpatán",)
    r = postal.lookup("29380")
    assert r.municipalities[0] == "Emiliano Zapata" and "Acala" in r.municipalities
    e = postal.explain("29380")
    assert e["municipalities"][0] == "Emiliano Zapata" and e["former"] == ["Acala"]


def test_catalogue_date_is_iso():
    date = postal.catalogue_date()
    assert len(date) == 10 and date[4] == date[7] == "-"
    assert "2017" < date < "2100"


# -- lookups --------------------------------------------------------------------


def test_guadalajara_centro():
    r = postal.lookup("44100")
    assert (r.code, r.state, r.state_key, r.municipalities, r.city) == (
        "44100",
        "Jalisco",
        "14",
        ["Guadalajara"],
        "Guadalajara",
    )
    assert any("Centro" in name for name, _ in r.settlements)
    assert ("Guadalajara Centro", "Colonia") in r.settlements


def test_tuxtla():
    r = postal.lookup("29000")
    assert r.state == "Chiapas" and r.municipalities == ["Tuxtla Gutiérrez"] and r.city == "Tuxtla Gutiérrez"
    assert r.settlements


def test_oaxaca():
    r = postal.lookup("68000")
    assert r.state == "Oaxaca" and r.municipalities == ["Oaxaca de Juárez"] and r.settlements


def test_cdmx_juarez():
    r = postal.lookup(" 06600 ")
    assert r.code == "06600" and r.state == "Ciudad de México"
    assert r.municipalities == ["Cuauhtémoc"] and ("Juárez", "Colonia") in r.settlements


def test_rural_code_has_no_city():
    # Ranchería settlements in rural codes: an empty city is normal
    rural = [c for c in ("29960", "68700", "45200") if postal.is_valid(c)]
    assert rural
    for code in rural:
        assert isinstance(postal.lookup(code).city, str)


def test_lookup_is_cached():
    assert postal.lookup("44100") is postal.lookup("44100")


def test_explain():
    e = postal.explain("44100")
    assert e["code"] == "44100" and e["state"] == "Jalisco" and e["municipalities"] == ["Guadalajara"]
    assert e["city"] == "Guadalajara" and ("Guadalajara Centro", "Colonia") in e["settlements"]
    assert e["catalogue_date"] == postal.catalogue_date() and e["warnings"] == []
    with pytest.raises(InvalidInput):
        postal.explain("17000")


def test_explain_warns_when_no_settlements(catalogue):
    meta = json.loads(catalogue["meta.json"])
    if not meta["counts"]["codes_without_settlements"]:
        pytest.skip("this catalogue lists settlements for every code")
    code = next(
        prefix + suffix
        for prefix in meta["shards"]
        for suffix, raw in json.loads(catalogue[prefix + ".json"])["codes"].items()
        if len(raw) == 2
    )
    e = postal.explain(code)
    assert [w["code"] for w in e["warnings"]] == ["postal.no_settlements"]


# -- the whole catalogue --------------------------------------------------------


def test_every_prefix_belongs_to_exactly_one_state(catalogue):
    meta = json.loads(catalogue["meta.json"])
    states = json.loads(catalogue["states.json"])
    owner = {}
    for key, state in states.items():
        for prefix in state["prefixes"]:
            assert prefix not in owner, f"{prefix} in {owner.get(prefix)} and {key}"
            owner[prefix] = key
    assert sorted(owner) == meta["shards"]
    assert not set(owner) & postal.UNUSED_PREFIXES
    assert set(f"{n:02d}" for n in range(100)) - set(owner) == postal.UNUSED_PREFIXES
    # and every code of every shard says the same
    bitmap = zlib.decompress(catalogue["index.bin"])
    seen = 0
    for n in range(100_000):
        if bitmap[n >> 3] >> (n & 7) & 1:
            code = f"{n:05d}"
            r = postal.lookup(code)
            assert r.state_key == owner[code[:2]] and r.state == states[r.state_key]["name"]
            assert r.municipalities
            seen += 1
    assert seen == meta["counts"]["codes"]


def test_counts_are_plausible(catalogue):
    counts = json.loads(catalogue["meta.json"])["counts"]
    assert 32_000 <= counts["codes"] <= 34_000
    assert 140_000 <= counts["settlements"] <= 150_000
    assert counts["shards"] == 96
    assert len(zlib.decompress(catalogue["index.bin"])) == 12_500


# -- the loader seam ------------------------------------------------------------


def test_in_memory_loader_and_caching(catalogue, fresh_loader):
    calls = []

    def loader(name):
        calls.append(name)
        return catalogue[name]

    postal.set_loader(loader)
    assert postal.lookup("44100").city == "Guadalajara"
    assert sorted(calls) == ["44.json", "index.bin"]
    postal.lookup("44100")
    postal.lookup("44110")
    postal.validate("45010")
    assert sorted(calls) == ["44.json", "index.bin"]  # cached
    postal.catalogue_date()
    assert calls.count("meta.json") == 1


def test_loader_returning_bytearray(catalogue, fresh_loader):
    postal.set_loader(lambda name: bytearray(catalogue[name]))
    assert postal.lookup("29000").state == "Chiapas"


@pytest.mark.parametrize(
    "loader",
    [
        lambda name: (_ for _ in ()).throw(OSError("offline")),
        lambda name: (_ for _ in ()).throw(KeyError(name)),
        lambda name: b"not json nor zlib",
        lambda name: "a str, not bytes",
        lambda name: None,
    ],
)
def test_broken_loader_gives_data_unavailable(loader, fresh_loader):
    postal.set_loader(loader)
    with pytest.raises(InvalidInput) as exc:
        postal.lookup("44100")
    assert exc.value.code == "postal.data_unavailable"
    assert "catálogo" in exc.value.message
    assert postal.is_valid("44100") is False
    # format errors need no data at all
    with pytest.raises(InvalidInput) as exc:
        postal.validate("4410")
    assert exc.value.code == "postal.length"


def test_missing_shard_gives_data_unavailable(catalogue, fresh_loader):
    postal.set_loader(lambda name: catalogue[name] if name != "44.json" else catalogue["45.json"])
    with pytest.raises(InvalidInput) as exc:
        postal.lookup("44100")
    assert exc.value.code == "postal.data_unavailable"
    assert postal.lookup("45010").state == "Jalisco"


def test_default_loader_reads_next_to_the_module():
    assert postal._default_loader.__module__ == "checker.postal"
    if (DATA_DIR / "meta.json").is_file():
        assert json.loads(postal._default_loader("meta.json"))["format"] == 1


# -- fuzzing ----------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_fuzz_any_text(value):
    for fn in (postal.validate, postal.lookup, postal.explain):
        try:
            result = fn(value)
        except InvalidInput as e:
            assert e.code.startswith("postal.") and e.message
            assert e.position is None or 0 <= e.position < len(postal.compact(value))
        else:
            code = result if isinstance(result, str) else result["code"] if isinstance(result, dict) else result.code
            assert len(code) == 5 and code.isascii() and code.isdigit()


@settings(max_examples=400, deadline=None)
@given(st.from_regex(r"\A[0-9]{5}\Z"))
def test_fuzz_five_digits(value):
    try:
        r = postal.lookup(value)
    except InvalidInput as e:
        assert e.code in {"postal.prefix", "postal.unknown"}
        assert postal.is_valid(value) is False
    else:
        assert r.code == value and r.state and r.municipalities
        assert postal.is_valid(value) is True


# -- the list report says what the codes were checked against ------------------


def test_batch_report_names_the_catalogue_only_with_a_postal_column():
    from checker import batch

    info = postal.catalogue()
    out, _status = batch.report_text("CP\n44100\n")
    line = next(x for x in out.splitlines() if x.startswith("Catálogo de códigos postales: "))
    assert info["words"] in line and all(source in line for source in info["sources"])
    out, _status = batch.report_text("NSS\n28138801999\n")
    assert "Catálogo de códigos postales" not in out


def test_text_shows_current_name_and_former_one(catalogue):
    from checker import text

    if not json.loads(catalogue["meta.json"])["counts"].get("codes_with_former_names"):
        pytest.skip("this catalogue has no former names")
    d = text.describe("cp", "29600")
    assert d["state"] == "valid" and d["message"] == "El código postal 29600 existe: Mezcalapa, Chiapas."
    assert "Municipio: Mezcalapa" in d["details"] and "Nombre anterior: Tecpatán" in d["details"]


def _with_meta(catalogue, **changes):
    meta = json.loads(catalogue["meta.json"])
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    files = {**catalogue, "meta.json": json.dumps(meta).encode()}
    postal.set_loader(files.__getitem__)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"catalogue_date": "2024-03-15", "catalogue_date_precision": "day"}, "actualizado al 15 de marzo de 2024"),
        ({"catalogue_date": "2018-03-01", "catalogue_date_precision": "month"}, "de marzo de 2018"),
        # a catalogue built before the precision was written: the approximate flag decides
        (
            {"catalogue_date": "2019-01-01", "catalogue_date_precision": None, "catalogue_date_approximate": True},
            "de 2019, aproximadamente",
        ),
        (
            {"catalogue_date": "2024-03-15", "catalogue_date_precision": None, "catalogue_date_approximate": False},
            "actualizado al 15 de marzo de 2024",
        ),
        ({"catalogue_date": "marzo", "catalogue_date_precision": "day"}, "con fecha marzo"),
    ],
)
def test_catalogue_words_by_precision(catalogue, fresh_loader, changes, words):
    _with_meta(catalogue, **changes)
    assert postal.catalogue()["words"] == words


def test_sources_without_a_short_name_are_left_out_and_the_report_says_less(catalogue, fresh_loader):
    from checker import batch

    _with_meta(catalogue, sources=[{"name": "algo"}])
    assert postal.catalogue()["sources"] == []
    out, _status = batch.report_text("CP\n44100\n")
    assert f"Catálogo de códigos postales: {postal.catalogue()['words']}.\n" in out


def test_report_without_catalogue_still_reports(fresh_loader):
    from checker import batch

    postal.set_loader(lambda name: (_ for _ in ()).throw(OSError("offline")))
    out, status = batch.report_text("CP\n44100\n")
    assert "Catálogo de códigos postales" not in out and "No pude cargar el catálogo" in out and status == 1


def test_old_catalogue_without_prefix_states_refuses_a_prefix_it_lacks(catalogue, fresh_loader):
    meta = json.loads(catalogue["meta.json"])
    _with_meta(catalogue, prefix_states=None, shards=[p for p in meta["shards"] if p != "44"])
    with pytest.raises(InvalidInput) as exc:
        postal.check("44109")
    assert exc.value.code == "postal.prefix"
