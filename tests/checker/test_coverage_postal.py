"""checker.postal on damaged or older catalogues: the student gets the one
«data unavailable» answer, never a traceback, and older catalogue layouts
still answer. Each test reads the built catalogue through set_loader with
one file changed. (Runs under Pyodide too: only the catalogue's bytes.)"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from checker import postal
from checker.exceptions import InvalidInput

DATA_DIR = Path(postal.__file__).resolve().parent / "data" / "postal"


@pytest.fixture(scope="module")
def files():
    assert (DATA_DIR / "meta.json").is_file(), "no postal catalogue: run `make data`"
    return {p.name: p.read_bytes() for p in DATA_DIR.iterdir() if p.is_file()}


@pytest.fixture
def use(files):
    """use(changes): the catalogue with some files replaced (None: missing)."""

    def install(changes):
        data = {**files, **changes}
        postal.set_loader(lambda name: data[name] if data.get(name) is not None else data[name + "-missing"])

    yield install
    postal.set_loader(None)


def meta_with(files, **changes) -> bytes:
    meta = json.loads(files["meta.json"])
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return json.dumps(meta).encode()


def shard_with(files, prefix, change) -> bytes:
    shard = json.loads(files[prefix + ".json"])
    change(shard)
    return json.dumps(shard).encode()


def assert_unavailable(code="44100"):
    with pytest.raises(InvalidInput) as info:
        postal.lookup(code)
    assert info.value.code == "postal.data_unavailable"
    assert postal.is_valid(code) in (True, False)  # never raises


@pytest.mark.parametrize("meta", [None, b"{not json", b"{}", b'"2019-01-01"', b"\xff\xfe"])
def test_damaged_meta_is_data_unavailable(use, meta):
    use({"meta.json": meta})
    with pytest.raises(InvalidInput) as info:
        postal.catalogue_date()
    assert info.value.code == "postal.data_unavailable"


@pytest.mark.parametrize("index", [b"not zlib", zlib.compress(b"\x00" * 100)])
def test_damaged_index_is_data_unavailable(use, index):
    use({"index.bin": index})
    with pytest.raises(InvalidInput) as info:
        postal.validate("44100")
    assert info.value.code == "postal.data_unavailable"
    assert postal.is_valid("44100") is False


def test_a_loader_that_returns_text_is_data_unavailable(files):
    postal.set_loader(lambda name: files[name].decode("latin-1"))
    try:
        assert postal.is_valid("44100") is False
        with pytest.raises(InvalidInput) as info:
            postal.validate("44100")
        assert info.value.code == "postal.data_unavailable"
    finally:
        postal.set_loader(None)


def test_a_loader_may_return_a_bytearray(files):
    postal.set_loader(lambda name: bytearray(files[name]))
    try:
        assert postal.lookup("44100").state == "Jalisco"
    finally:
        postal.set_loader(None)


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.update(prefix="45"),  # the shard of another prefix
        lambda s: s.pop("places"),  # a shard missing a table
    ],
)
def test_damaged_shard_is_data_unavailable(use, files, change):
    use({"44.json": shard_with(files, "44", change)})
    assert_unavailable()


def test_a_code_the_index_has_but_its_shard_lacks_is_data_unavailable(use, files):
    use({"44.json": shard_with(files, "44", lambda s: s["codes"].pop("100"))})
    assert postal.is_valid("44100")
    assert_unavailable()


def test_missing_shard_is_data_unavailable(use):
    use({"44.json": None})
    assert_unavailable()


def test_a_catalogue_built_before_prefix_states_still_names_the_state(use, files):
    use({"meta.json": meta_with(files, prefix_states=None)})
    code, warnings = postal.check("44109")  # in Jalisco's prefix, not in the catalogue
    assert code == "44109" and [w["code"] for w in warnings] == ["postal.unknown"]
    assert "Jalisco" in warnings[0]["message"]


def test_a_prefix_without_a_shard_in_an_old_catalogue(use, files):
    meta = json.loads(files["meta.json"])
    shards = [s for s in meta["shards"] if s != "44"]
    use({"meta.json": meta_with(files, prefix_states=None, shards=shards)})
    with pytest.raises(InvalidInput) as info:
        postal.check("44109")
    assert "Ningún estado usa códigos postales que empiecen con 44" in info.value.message


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"catalogue_date": "2024-03-15", "catalogue_date_precision": "day"}, "15 de marzo de 2024"),
        (
            {"catalogue_date": "2024-03-15", "catalogue_date_precision": None, "catalogue_date_approximate": None},
            "15 de marzo de 2024",
        ),
        (
            {"catalogue_date": "2019-01-01", "catalogue_date_precision": None, "catalogue_date_approximate": True},
            "2019",
        ),
        ({"catalogue_date": "2019-13-01", "catalogue_date_precision": "day"}, "con fecha 2019-13-01"),
        ({"catalogue_date": "pronto", "catalogue_date_precision": "day"}, "con fecha pronto"),
    ],
)
def test_catalogue_date_in_words(use, files, changes, words):
    use({"meta.json": meta_with(files, **changes)})
    assert words in postal.catalogue()["words"]


def test_sources_without_a_short_name_are_not_listed(use, files):
    meta = json.loads(files["meta.json"])
    sources = [{"date": "2018-03-01"}, "SEPOMEX", *meta["sources"][:1]]
    use({"meta.json": meta_with(files, sources=sources)})
    assert len(postal.catalogue()["sources"]) == 1


# -------------------------------------------- the same cases, as the student reads them


def test_text_for_a_code_in_two_alcaldias_renamed_with_many_colonias(use, files):
    """Plural alcaldías, a former name, and a long list of colonias cut at 8."""

    def change(shard):
        shard["places"] += ["Benito Juárez", "Alcaldía Vieja"]
        new, old = len(shard["places"]) - 2, len(shard["places"]) - 1
        colonias = [f"Colonia {n}" for n in range(1, 12)]
        shard["codes"]["000"] = [[1, new, old], 0, 1, colonias]
        shard["former"] = {"000": [old]}

    use({"06.json": shard_with(files, "06", change)})
    from checker import text

    d = text.describe("cp", "06000")
    assert d["state"] == "valid"
    assert "Alcaldías: Cuauhtémoc, Benito Juárez" in d["details"]
    assert "Nombre anterior: Alcaldía Vieja" in d["details"]
    assert (
        "11 colonias o asentamientos: Colonia 1, Colonia 2, Colonia 3, Colonia 4, Colonia 5, Colonia 6, "
        "Colonia 7, Colonia 8 y 3 más" in d["details"]
    )


def test_text_names_the_catalogue_without_sources_when_it_has_none(use, files):
    use({"meta.json": meta_with(files, sources=None)})
    from checker import text

    d = text.describe("cp", "44100")
    line = next(x for x in d["details"] if x.startswith("Catálogo de códigos postales: "))
    assert "(fuentes:" not in line
