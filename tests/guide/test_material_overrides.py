"""Our overrides of mkdocs-material partials against the installed Material.

overrides/partials/header.html is a fork of Material's partial (only the
search button differs); the others replace Material's partial whole. Either
way an upgrade of Material can change what we override without anything
failing, so tests/guide/material_upstream/ keeps a copy of each upstream
partial as it was when we overrode it (mkdocs-material 9.8.1, MIT licence),
and material_upstream/header.html.diff the fork's intended change.

After upgrading Material and reviewing the drift these tests print: copy the
new upstream files over material_upstream/, re-apply our change to the fork,
and regenerate the .diff (run this file: `.venv/bin/python tests/guide/test_material_overrides.py`).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import material
import pytest

from guide.testing import ROOT

UPSTREAM = Path(material.__file__).resolve().parent / "templates"
REFERENCE = Path(__file__).resolve().parent / "material_upstream"
OVERRIDES = ROOT / "overrides"
FORKS = ["partials/header.html"]  # upstream text kept, with a small intended change


def _overridden() -> list[str]:
    """Every file in overrides/ that replaces one of Material's templates."""
    return sorted(
        p.relative_to(OVERRIDES).as_posix()
        for p in OVERRIDES.rglob("*.html")
        if p.name != "main.html" and (UPSTREAM / p.relative_to(OVERRIDES)).is_file()
    )


def _diff(a: Path, b: Path, a_name: str, b_name: str) -> str:
    return "".join(
        difflib.unified_diff(
            a.read_text(encoding="utf-8").splitlines(keepends=True),
            b.read_text(encoding="utf-8").splitlines(keepends=True),
            a_name,
            b_name,
        )
    )


def test_every_override_of_a_material_partial_has_its_upstream_base():
    missing = [rel for rel in _overridden() if not (REFERENCE / rel).is_file()]
    assert not missing, (
        f"overrides {missing} replace Material templates but tests/guide/material_upstream/ has no "
        f"copy of the upstream file they were made from: copy it from {UPSTREAM}"
    )


@pytest.mark.parametrize("rel", sorted(p.relative_to(REFERENCE).as_posix() for p in REFERENCE.rglob("*.html")))
def test_installed_material_partial_is_the_one_we_overrode(rel):
    installed = UPSTREAM / rel
    assert installed.is_file(), f"the installed Material no longer has {rel}: overrides/{rel} overrides nothing"
    drift = _diff(REFERENCE / rel, installed, f"material_upstream/{rel}", f"installed material/templates/{rel}")
    assert not drift, (
        f"Material's {rel} changed since overrides/{rel} was made; review this drift, bring what "
        f"applies into overrides/{rel}, then copy the installed file to tests/guide/material_upstream/"
        f"{rel}:\n{drift}"
    )


@pytest.mark.parametrize("rel", FORKS)
def test_fork_differs_from_upstream_only_by_the_intended_change(rel):
    actual = _diff(REFERENCE / rel, OVERRIDES / rel, f"material/{rel}", f"overrides/{rel}")
    intended = (REFERENCE / (Path(rel).name + ".diff")).read_text(encoding="utf-8")
    assert actual == intended, (
        f"overrides/{rel} no longer differs from Material's only by the intended change in "
        f"tests/guide/material_upstream/{Path(rel).name}.diff. If the change is meant, regenerate that file with "
        f"`.venv/bin/python tests/guide/test_material_overrides.py`. Difference from Material now:\n{actual}"
    )


def _intended_diffs() -> None:
    """Write material_upstream/<name>.diff for each fork from the current files."""
    for rel in FORKS:
        out = REFERENCE / (Path(rel).name + ".diff")
        out.write_text(_diff(REFERENCE / rel, OVERRIDES / rel, f"material/{rel}", f"overrides/{rel}"), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    _intended_diffs()
