"""Duplicate detection in bounded memory: fixed-size keys in flat arrays.

A ``dict`` from CURP to row costs ~200 bytes per distinct CURP (the string,
the int, the table slot); a million-row list then needs 222 MB.  Here each
value becomes one 64-bit key in an open-addressing table (linear
probing) made of two ``array`` objects: the key (8 bytes) and the row where
it first appeared (4 bytes, or 8 past 4 billion rows), at most 60 % full
(fewer probes: each one is Python code), so a million distinct CURPs take
20 MB.  An NSS and its row share one 64-bit slot (:class:`PackedTable`):
13 MB for a million.

Keys:

* an NSS is its own key (11 digits fit in 64 bits): exact, no collision;
* a CURP is keyed by 64 bits of ``str`` hash (SipHash-1-3 with a key
  drawn per process, 4x faster here than an 8-byte BLAKE2b digest and as
  good for values that are not crafted against that secret key; where
  ``hash`` has 32 bits, as in the browser's WebAssembly Python, by two
  hashes, of the CURP and of the CURP with a byte appended).  Two
  different CURPs share a key with probability about 2**-64 per pair, so
  among n distinct CURPs a false "repetida" has probability at most about
  n*(n-1)/2**65: 2.7e-8 for a million, 2.7e-6 for ten million.

>>> seen = SeenTable.for_curp()
>>> seen.setdefault('HEGG560427MVZRRL04', 2)
2
>>> seen.setdefault('HEGG560427MVZRRL04', 9)
2
>>> nss = SeenTable.for_nss()
>>> [nss.setdefault(k, r) for k, r in ((28138801999, 3), (1, 4), (28138801999, 5))]
[3, 4, 3]
>>> len(nss)
2
"""

import sys
from array import array

__all__ = ['SeenTable', 'PackedTable']

_MIX = 0x9E3779B97F4A7C15  # Fibonacci hashing spreads exact keys
_MASK64 = (1 << 64) - 1
_ROW_BITS = 27  # PackedTable: the row's bits in a slot
_ROW_MASK = (1 << _ROW_BITS) - 1
_TAG_LIMIT = 1 << (64 - _ROW_BITS)  # a key + 1 must stay below


# The hot paths (setdefault) do as little as Python allows: one call, no
# keyer call, the free-slot count tested once, the row width checked only
# when an 'I' array refuses it (OverflowError); about 3x less work than a
# generic version, which matters at a million rows.


class SeenTable:
    """First row of each key seen; ``setdefault(key, row)`` like a dict.

    *key* is an int (``0 <= key < 2**64``); :meth:`for_curp` makes a table
    keyed by CURPs instead.
    """

    LOAD = 0.6
    _KEYTYPE = 'Q'

    def __init__(self, capacity=1 << 12):
        self._alloc(capacity, 'I')

    @classmethod
    def for_curp(cls, capacity=1 << 12):
        """A table keyed by 64-bit digests of compact CURPs."""
        return _CurpTable(capacity) if sys.hash_info.width >= 64 else _CurpTable32(capacity)

    @staticmethod
    def for_nss(capacity=1 << 12):
        """A table of NSSs (ints), key and row packed in 8 bytes."""
        return PackedTable(capacity)

    def _alloc(self, capacity, rowtype):
        self._cap = capacity
        # slots left before growing; the size is what was used of the limit
        self._limit = self._free = int(capacity * self.LOAD)
        self._keys = array(self._KEYTYPE, [0]) * capacity
        self._rows = array(rowtype, [0]) * capacity

    def __len__(self):
        return self._limit - self._free

    def setdefault(self, key, row):
        """The row stored for *key*; stores *row* first if *key* is new."""
        return self._setdefault((key * _MIX + 1) & _MASK64 or 1, row)  # spread exact keys

    def _setdefault(self, key, row):
        # key: nonzero, as stored (0 marks a free slot)
        keys = self._keys
        i = key % self._cap
        k = keys[i]
        while k:  # linear probing
            if k == key:
                return self._rows[i]
            i += 1
            if i == self._cap:
                i = 0
            k = keys[i]
        if self._free:
            try:
                self._rows[i] = row
            except OverflowError:  # past 4 billion rows: 8-byte rows
                pass
            else:
                keys[i] = key
                self._free -= 1
                return row
        self._grow(row)
        return self._setdefault(key, row)

    def _grow(self, row):
        # 1.5x keeps the peak (old + new arrays) near 2.5x the live table.
        old_keys, old_rows = self._keys, self._rows
        rowtype = 'Q' if row > (1 << 8 * old_rows.itemsize) - 1 else old_rows.typecode
        capacity = max(self._cap * 3 // 2, 16) if not self._free else self._cap
        size = len(self)
        self._alloc(capacity, rowtype)
        keys, rows, cap = self._keys, self._rows, self._cap
        for k, r in zip(old_keys, old_rows):
            if k:
                i = k % cap
                while keys[i]:
                    i += 1
                    if i == cap:
                        i = 0
                keys[i] = k
                rows[i] = r
        self._free -= size


class _CurpTable(SeenTable):
    """A :class:`SeenTable` keyed by the ``str`` hash of compact CURPs."""

    _KEYTYPE = 'q'  # hash() is signed

    def setdefault(self, value, row):
        """The row stored for *value*; stores *row* first if it is new."""
        # str hash: SipHash-1-3, 64-bit, keyed per process (PYTHONHASHSEED)
        key = hash(value) or 1  # 0 marks a free slot
        keys = self._keys
        i = key % self._cap
        k = keys[i]
        while k:  # linear probing
            if k == key:
                return self._rows[i]
            i += 1
            if i == self._cap:
                i = 0
            k = keys[i]
        if self._free:
            try:
                self._rows[i] = row
            except OverflowError:  # past 4 billion rows: 8-byte rows
                pass
            else:
                keys[i] = key
                self._free -= 1
                return row
        self._grow(row)
        return self._setdefault(key, row)


class _CurpTable32(SeenTable):
    """:class:`_CurpTable` where ``hash`` has 32 bits: two hashes make 64."""

    def setdefault(self, value, row):
        """The row stored for *value*; stores *row* first if it is new."""
        key = (hash(value) & 0xFFFFFFFF) << 32 | hash(value + '\x00') & 0xFFFFFFFF
        return self._setdefault(key or 1, row)


class PackedTable:
    """An exact int key below 2**37 (an NSS) and its row in one 64-bit slot.

    The slot holds ``(key + 1) << 27 | row``: rows up to 134,217,727; a
    later row (or a bigger key) turns the table into a :class:`SeenTable`.
    The slot is chosen from the key mixed by a Fibonacci multiplication:
    real lists hold runs of NSSs that share their first digits and count
    up, and such keys taken modulo the capacity alone fall in overlapping
    runs that linear probing makes quadratic (200,000 such NSSs took 48 s).
    """

    LOAD = SeenTable.LOAD

    def __init__(self, capacity=1 << 12):
        self._alloc(capacity)
        self._wide = None  # the SeenTable taking over, if it had to

    def _alloc(self, capacity):
        self._cap = capacity
        self._limit = self._free = int(capacity * self.LOAD)
        self._slots = array('Q', [0]) * capacity

    def __len__(self):
        return len(self._wide) if self._wide is not None else self._limit - self._free

    def setdefault(self, key, row):
        """The row stored for *key*; stores *row* first if *key* is new."""
        tag = key + 1
        slots = self._slots
        i = (tag * _MIX & _MASK64) % self._cap
        v = slots[i]
        while v:  # linear probing
            if v >> _ROW_BITS == tag:
                return v & _ROW_MASK
            i += 1
            if i == self._cap:
                i = 0
            v = slots[i]
        if self._free and tag:  # tag 0 (key -1) would read as a row
            try:  # the array refuses a row past 27 bits (-1) or a key past 37
                slots[i] = tag << _ROW_BITS | row if row <= _ROW_MASK else -1
            except OverflowError:
                pass
            else:
                self._free -= 1
                return row
        if self._wide is not None:  # widened: this array is empty
            return self._wide.setdefault(key, row)
        if row > _ROW_MASK or not 0 < tag < _TAG_LIMIT:
            return self._widen().setdefault(key, row)
        self._grow()
        return self.setdefault(key, row)

    def _grow(self):
        old = self._slots
        size = len(self)
        self._alloc(max(self._cap * 3 // 2, 16))
        slots, cap = self._slots, self._cap
        for v in old:  # the old array, slot by slot: no list of entries
            if v:
                i = ((v >> _ROW_BITS) * _MIX & _MASK64) % cap
                while slots[i]:
                    i += 1
                    if i == cap:
                        i = 0
                slots[i] = v
        self._free -= size

    def _widen(self):
        wide = SeenTable(max(self._cap, 16))
        for v in self._slots:
            if v:
                wide.setdefault((v >> _ROW_BITS) - 1, v & _ROW_MASK)
        self._wide = wide
        # an empty array: every look-up falls through to the wide table
        self._slots = array('Q', [0])
        self._cap = 1
        self._free = 0
        return wide
