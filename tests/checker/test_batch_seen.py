"""checker.batch.seen: every table answers as a dict's setdefault, through
growth, wide rows and (for NSSs) the switch to a wide table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.batch import seen
from checker.batch.seen import PackedTable, SeenTable

CURPS = st.text('ABHEG0145', min_size=1, max_size=18)
ROWS = st.integers(2, 2**27 - 1) | st.sampled_from([2**27, 2**32 - 1, 2**32, 2**40])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CURPS, ROWS), max_size=200))
def test_curp_tables_are_a_dict_setdefault(pairs):
    tables, ref = [SeenTable.for_curp(capacity=4), seen._CurpTable32(capacity=4)], {}
    for value, row in pairs:
        want = ref.setdefault(value, row)
        assert [t.setdefault(value, row) for t in tables] == [want, want]
    assert [len(t) for t in tables] == [len(ref)] * 2


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**11 - 1) | st.sampled_from([0, 9, 19, 2**37, 2**40]), ROWS), max_size=200))
def test_int_tables_are_a_dict_setdefault(pairs):
    tables, ref = [SeenTable(capacity=4), SeenTable.for_nss(capacity=4)], {}
    for key, row in pairs:
        want = ref.setdefault(key, row)
        assert [t.setdefault(key, row) for t in tables] == [want, want]
    assert [len(t) for t in tables] == [len(ref)] * 2


def test_nss_keys_ten_apart_each_find_their_own_slot():
    # NSSs of one series differ by tens (the check digit comes last)
    table = PackedTable(capacity=1000)
    for n in range(700):
        table.setdefault(10 * n, n + 2)
    cap = table._cap
    assert cap % 2 and cap % 5  # coprime with 10
    assert all(table._slots[(10 * n + 1) % cap] >> 27 == 10 * n + 1 for n in range(700))


def test_tables_sized_for_the_rows_do_not_grow():
    table = SeenTable.for_curp(capacity=int(1000 / SeenTable.LOAD) + 1)
    keys = table._keys
    for n in range(1000):
        table.setdefault(f'CURP{n:014d}', n + 2)
    assert table._keys is keys and len(table) == 1000
