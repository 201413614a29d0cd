"""guide.mkdocs_messages on MkDocs log lines: each becomes one Spanish line
naming the editor's own file (and the link's line when the file has it)."""

from __future__ import annotations

from guide.mkdocs_messages import explain, reasons

SOURCES = {"contacto.md": "schools/prueba/contacto.md"}


def test_a_broken_link_names_the_schools_file_and_line(tmp_path):
    own = tmp_path / "schools" / "prueba" / "contacto.md"
    own.parent.mkdir(parents=True)
    own.write_text("# Contacto\n\nVe a [la oficina](ofcina.md).\n", encoding="utf-8")
    log = "WARNING -  Doc file 'contacto.md' contains a link 'ofcina.md', but the target 'ofcina.md' is not found among documentation files.\n"
    assert reasons(log, SOURCES, tmp_path) == [
        "schools/prueba/contacto.md, línea 3: el enlace «ofcina.md» no lleva a ninguna página de la guía "
        "(¿está bien escrito el nombre del archivo .md?)"
    ]


def test_a_shared_page_without_the_file_gives_no_line(tmp_path):
    text = "Doc file 'pasos/carnet.md' contains an absolute link '/contacto/', it was left as is."
    assert explain(text, SOURCES, tmp_path) == (
        "docs/pasos/carnet.md: el enlace «/contacto/» empieza con /; enlaza al archivo .md relativo (p. ej. ../contacto.md)"
    )


def test_an_unreadable_source_gives_no_line(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_bytes(b"\xff\xfe(x.md)")
    text = "Doc file 'index.md' contains a link 'x.md', but the target is not found among documentation files."
    assert explain(text, {}, tmp_path).startswith("docs/index.md: el enlace «x.md»")


def test_pages_left_out_of_the_menu_are_listed(tmp_path):
    log = (
        "INFO    -  Building documentation...\n"
        'WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - contacto.md\n"
        "  - pasos/extra.md\n"
    )
    assert reasons(log, SOURCES, tmp_path) == [
        "hay páginas que no están en el menú: schools/prueba/contacto.md, docs/pasos/extra.md"
    ]


def test_reading_errors_named_by_the_hook_are_kept_once(tmp_path):
    log = (
        "ERROR   -  Error reading page 'contacto.md':\n"
        "ERROR   -  Error reading page 'contacto.md': schools/prueba/contacto.md, línea 4: «x» no existe\n"
        "ERROR   -  Error reading page 'contacto.md': schools/prueba/contacto.md, línea 4: «x» no existe\n"
        "ERROR   -  Aborted with 1 errors in strict mode!\n"
    )
    assert reasons(log, SOURCES, tmp_path) == ["schools/prueba/contacto.md, línea 4: «x» no existe"]


def test_a_reading_error_without_the_file_gets_it(tmp_path):
    text = "Error reading page 'pasos/carnet.md': unexpected end of template"
    assert explain(text, {}, tmp_path) == "docs/pasos/carnet.md: unexpected end of template"


def test_other_lines(tmp_path):
    assert explain("Config value 'theme': Unrecognised theme name", {}, tmp_path) == (
        "mkdocs.yml: theme: Unrecognised theme name"
    )
    assert explain("Doc file 'contacto.md' says something new", SOURCES, tmp_path) == (
        "schools/prueba/contacto.md: says something new"
    )
    assert explain("Something MkDocs never said before", {}, tmp_path) == "Something MkDocs never said before"
