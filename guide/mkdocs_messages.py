"""MkDocs' warnings and errors as one Spanish line naming the editor's file.

A strict build stops on any warning; the editor needs to know which of *their*
files to open (schools/<slug>/… or docs/…, not build/<slug>/docs/…) and, when
the text shows it, the line.
"""

from __future__ import annotations

import re
from pathlib import Path

_PAGE = re.compile(r"^Doc file '(?P<page>[^']+)' (?P<rest>.*)$")
_READING = re.compile(r"^Error reading page '(?P<page>[^']+)': (?P<rest>.*)$")
# (pattern on the text after "Doc file '…' ", Spanish message, group holding the link)
_LINKS = [
    (
        re.compile(
            r"contains a link '(?P<url>[^']*)', but the doc '[^']+' does not contain an anchor '#(?P<anchor>[^']*)'"
        ),
        "el enlace «{url}» apunta a una sección «#{anchor}» que no existe en esa página",
    ),
    (
        re.compile(r"contains a link '(?P<url>[^']*)', but the target(?: '[^']*')? is not found"),
        "el enlace «{url}» no lleva a ninguna página de la guía (¿está bien escrito el nombre del archivo .md?)",
    ),
    (
        re.compile(r"contains an unrecognized relative link '(?P<url>[^']*)'"),
        "el enlace «{url}» no es una página de la guía: enlaza al archivo .md (p. ej. contacto.md) o a una dirección https://",
    ),
    (
        re.compile(r"contains an absolute link '(?P<url>[^']*)'"),
        "el enlace «{url}» empieza con /; enlaza al archivo .md relativo (p. ej. ../contacto.md)",
    ),
    (
        re.compile(r"contains a link to '(?P<url>[^']*)' which is excluded"),
        "el enlace «{url}» lleva a una página que no se publica",
    ),
]
_OTHER = [
    (
        re.compile(r"^The following pages exist in the docs directory, but are not included in the \"nav\""),
        "hay páginas que no están en el menú",
    ),
    (re.compile(r"^Config value '(?P<key>[^']+)': (?P<rest>.*)$"), "mkdocs.yml: {key}: {rest}"),
]


def reasons(output: str, sources: dict[str, str], root: Path) -> list[str]:
    """Every WARNING/ERROR of a `mkdocs build` log, as Spanish lines naming the source file.

    `sources` maps a page of the generated docs/ to the school's own file;
    pages not in it come from the shared docs/.
    """
    found = []
    for raw in output.splitlines():
        match = re.match(r"^(WARNING|ERROR)\s*-\s*(.*)$", raw.strip())
        if match:
            text = match.group(2).strip()
            # "Error reading page 'x':" alone: the hook's own line, next, says why.
            if not text.startswith("Aborted") and not re.fullmatch(r"Error reading page '[^']+':", text):
                found.append(explain(text, sources, root))
        elif found and raw.startswith("  - "):  # a list that continues the last message
            item = raw[4:].strip()
            found[-1] += f"{':' if found[-1].endswith('menú') else ','} {sources.get(item) or 'docs/' + item}"
    return list(dict.fromkeys(found))


def explain(text: str, sources: dict[str, str], root: Path) -> str:
    page = _PAGE.match(text) or _READING.match(text)
    if page is None:
        for pattern, message in _OTHER:
            other = pattern.match(text)
            if other:
                return message.format(**other.groupdict())
        return text
    source = sources.get(page["page"]) or f"docs/{page['page']}"
    rest = page["rest"]
    if _READING.match(text):
        return rest if rest.startswith(source) else f"{source}: {rest}"  # hooks already name the file
    for pattern, message in _LINKS:
        link = pattern.match(rest)
        if link:
            return f"{source}{_line_of(root / source, link['url'])}: {message.format(**link.groupdict())}"
    return f"{source}: {rest}"


def _line_of(path: Path, needle: str) -> str:
    """MkDocs gives no line for links; the first line of the file that holds the link does."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    for n, line in enumerate(lines, 1):
        if f"({needle}" in line or f"<{needle}" in line or f": {needle}" in line:
            return f", línea {n}"
    return ""
