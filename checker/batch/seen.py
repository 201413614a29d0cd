"""Duplicate detection in bounded memory: fixed-size keys in flat arrays.

A ``dict`` from CURP to row costs ~200 bytes per distinct CURP (the string,
the int, the table slot); a million-row list then needs 222 MB.  Here each
value becomes one unsigned 64-bit key in an open-addressing table (linear
probing) made of two ``array`` objects: the key (8 bytes) and the row where
it first appeared (4 bytes, or 8 past 4 billion rows), at most 70 % full,
so a million distinct values take about 17 MB per table.

Keys:

* an NSS is its own key (11 digits fit in 64 bits), mixed by a bijective
  multiplication: exact, no collision;
* a CURP is keyed by its 64-bit ``str`` hash (SipHash-1-3 with a key
  drawn per process, 4x faster here than an 8-byte BLAKE2b digest and as
  good for values that are not crafted against that secret key).  Two
  different CURPs share a key with probability about 2**-64 per pair, so
  among n distinct CURPs a false "repetida" has probability at most
  n*(n-1)/2**65: 2.7e-8 for a million, 2.7e-6 for ten million.

>>> seen = SeenTable.for_curp()
>>> seen.setdefault('HEGG560427MVZRRL04', 2)
2
>>> seen.setdefault('HEGG560427MVZRRL04', 9)
2
>>> nss = SeenTable()
>>> [nss.setdefault(k, r) for k, r in ((28138801999, 3), (1, 4), (28138801999, 5))]
[3, 4, 3]
>>> len(nss)
2
"""

from array import array

__all__ = ['SeenTable']

_EMPTY = 0
_MIX = 0x9E3779B97F4A7C15  # Fibonacci hashing spreads exact keys
_MASK64 = (1 << 64) - 1


def _curp_key(value):
    # str hash: SipHash-1-3, 64-bit, keyed per process (PYTHONHASHSEED)
    return hash(value) & _MASK64 or 1  # 0 marks a free slot


class SeenTable:
    """First row of each key seen; ``setdefault(key, row)`` like a dict.

    *key* is an int (``0 <= key < 2**64``), or any value when the table was
    made with a *keyer* (such as :meth:`for_curp`) that turns it into one.
    """

    LOAD = 0.7

    def __init__(self, capacity=1 << 12, keyer=None):
        self._keyer = keyer
        self._size = 0
        self._alloc(capacity, 'I')

    @classmethod
    def for_curp(cls, capacity=1 << 12):
        """A table keyed by 64-bit digests of compact CURPs."""
        return cls(capacity, _curp_key)

    def _alloc(self, capacity, rowtype):
        self._cap = capacity
        self._limit = int(capacity * self.LOAD)
        self._keys = array('Q', [0]) * capacity
        self._rows = array(rowtype, [0]) * capacity
        self._row_max = (1 << 8 * self._rows.itemsize) - 1

    def __len__(self):
        return self._size

    def setdefault(self, key, row):
        """The row stored for *key*; stores *row* first if *key* is new."""
        if self._keyer is not None:
            key = self._keyer(key)
        else:
            key = (key * _MIX + 1) & _MASK64 or 1  # spread exact keys
        keys = self._keys
        cap = self._cap
        i = key % cap
        k = keys[i]
        if k == key:
            return self._rows[i]
        while k:  # linear probing
            i += 1
            if i == cap:
                i = 0
            k = keys[i]
            if k == key:
                return self._rows[i]
        if self._size >= self._limit or row > self._row_max:
            self._grow(row)
            return self._insert(key, row)
        keys[i] = key
        self._rows[i] = row
        self._size += 1
        return row

    def _insert(self, key, row):
        keys = self._keys
        cap = self._cap
        i = key % cap
        while keys[i] != _EMPTY:
            i += 1
            if i == cap:
                i = 0
        keys[i] = key
        self._rows[i] = row
        self._size += 1
        return row

    def _grow(self, row):
        # 1.5x keeps the peak (old + new arrays) near 2.5x the live table.
        old_keys, old_rows = self._keys, self._rows
        rowtype = 'Q' if row > self._row_max else old_rows.typecode
        self._alloc(max(self._cap * 3 // 2, 16), rowtype)
        self._size = 0
        for k, r in zip(old_keys, old_rows):
            if k != _EMPTY:
                self._insert(k, r)
