"""checker.cellsafe: the one helper every CSV/XLSX writer of the project uses
so a cell cannot become a formula (issue 9, item 7)."""

import pytest

from checker import cellsafe


@pytest.mark.parametrize(
    'value', ['=1+1', '+52 55', '-5', '@SUM(A1)', '\t=HYPERLINK("x")', '\r=1', ' \t=1', '\n@x', '\t', '\r']
)
def test_formula_starts_are_neutralised(value):
    assert cellsafe.looks_like_formula(value)
    assert cellsafe.neutralise(value) == "'" + value


@pytest.mark.parametrize('value', ['', 'Ana', 'HEGG560427MVZRRL04', '28138801999', '44100', 'a=b', 'Peña'])
def test_plain_values_are_left_alone(value):
    assert not cellsafe.looks_like_formula(value)
    assert cellsafe.neutralise(value) == value
