"""Character-n-gram MinHash signatures and LSH band keys, in numpy (chosen by measurement: docs/ANALYSIS.md).

``signatures(texts)`` -> a (PERMUTATIONS, len(texts)) uint32 array: for each permutation, the least hash
of a text's character n-grams. The n-grams are read from the texts' code points in one array (no Python
loop over characters), a corpus chunk at a time so memory stays bounded. ``candidate_pairs(sig, lengths)`` -> the
candidate pairs (i < j) that agree on every row of at least one band.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    U32 = npt.NDArray[np.uint32]
    U64 = npt.NDArray[np.uint64]
    I64 = npt.NDArray[np.int64]

#: characters per shingle: a one-character edit of a 15-character title keeps about 80% of its bigrams
SHINGLE = 2
#: Texts are banded in two overlapping groups by length, as (bands, rows): a short text keeps few of its
#: bigrams under an edit (``调查研究不深入`` / ``调查研不深入``, one character dropped, ratio 0.92, share 4 of 7
#: bigrams: Jaccard 0.57), so short texts need short bands: 64 bands of 4 rows make a pair with Jaccard
#: 0.57 a candidate with probability 0.999, 0.5 with 0.98, 0.2 with 0.10. Long texts keep more of their
#: bigrams, and short bands would pair every two texts that share a topic: 40 bands of 6 rows give 0.6
#: with 0.85, 0.7 with 0.995, 0.3 with 0.03 (measured: a fifth of the candidates of 64 x 5 at 10^5).
SHORT_BANDS = (64, 4)
LONG_BANDS = (40, 6)
#: a text of at most SHORT_MAX characters is banded as short, of at least LONG_MIN as long (both between):
#: two texts whose ratio reaches 0.85 have lengths within a factor 0.74, so when the shorter has fewer than
#: LONG_MIN characters the longer has at most 13, and the pair is in the short group
SHORT_MAX, LONG_MIN = 16, 10
PERMUTATIONS = max(b * r for b, r in (SHORT_BANDS, LONG_BANDS))
#: texts hashed at a time: bounds the n-gram arrays (8 bytes per n-gram) whatever the corpus size
CHUNK = 20_000
#: members of one band bucket paired with each other; a larger bucket pairs each member with the next
#: BUCKET_WINDOW in key order (exact duplicates are merged before hashing, so big buckets are rare)
BUCKET_WINDOW = 64
#: the candidate codes of this many bands are merged into one distinct set (bounds memory: a true pair is
#: found again in most bands)
MERGE_EVERY = 8
SEED = 20240624


def _parameters() -> tuple[U64, U64]:
    """The odd multipliers and the offsets of the PERMUTATIONS multiply-shift hashes (fixed seed)."""
    import numpy as np

    rng = np.random.default_rng(SEED)
    a = rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def shingle_hashes(texts: list[str]) -> tuple[U64, I64]:
    """Each text's n-gram codes, mixed to 64 bits, one array; and where each text's run starts."""
    import numpy as np

    gap = "\0" * SHINGLE
    points = np.frombuffer((gap.join(texts) + gap).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths + SHINGLE)[:-1]))
    counts = np.maximum(lengths - SHINGLE + 1, 1)
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
    index = np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()), dtype=np.int64)
    code = points[index]
    for k in range(1, SHINGLE):
        code = code * np.uint64(0x100000001B3) + points[index + k]
    return _mix(code), offsets


def _mix(x: U64) -> U64:
    """splitmix64's finaliser: every input bit moves every output bit."""
    import numpy as np

    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        mixed: U64 = x ^ (x >> np.uint64(31))
        return mixed


def signatures(texts: list[str]) -> U32:
    """The MinHash signature of every text, column by column: shape (PERMUTATIONS, len(texts))."""
    import numpy as np

    a, b = _parameters()
    out = np.empty((PERMUTATIONS, len(texts)), dtype=np.uint32)
    for lo in range(0, len(texts), CHUNK):
        codes, offsets = shingle_hashes(texts[lo:lo + CHUNK])
        with np.errstate(over="ignore"):
            for p in range(PERMUTATIONS):
                hashed = ((codes * a[p] + b[p]) >> np.uint64(32)).astype(np.uint32)
                out[p, lo:lo + len(offsets)] = np.minimum.reduceat(hashed, offsets)
    return out


def band_key(sig: U32, band: int, rows: int, members: I64) -> U64:
    """The 64-bit key of one band for the texts ``members``: equal keys mean equal rows (up to collisions).
    Only that band's rows of those texts are read, so no copy of the signatures is made."""
    import numpy as np

    key = np.zeros(len(members), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for row in sig[band * rows:(band + 1) * rows]:
            key = _mix(key * np.uint64(0x9E3779B97F4A7C15) + row[members].astype(np.uint64))
    return key


def groups(lengths: I64) -> list[tuple[I64, tuple[int, int]]]:
    """The texts of each length group, with the group's (bands, rows)."""
    import numpy as np

    return [(np.flatnonzero(lengths <= SHORT_MAX), SHORT_BANDS), (np.flatnonzero(lengths >= LONG_MIN), LONG_BANDS)]


def candidate_pairs(sig: U32, lengths: I64) -> I64:
    """The distinct candidate pairs (i < j) as an (m, 2) array: texts that share a key in some band of
    their group. One band's keys are held at a time; pairs are kept as codes i * n + j."""
    import numpy as np

    n = np.int64(sig.shape[1])
    codes = [np.empty(0, dtype=np.int64)]
    for members, (bands, rows) in groups(lengths):
        for band in range(bands if len(members) > 1 else 0):
            pairs = members[bucket_pairs(band_key(sig, band, rows, members))]
            codes.append(distinct(pairs @ np.array([n, 1])))
            if len(codes) > MERGE_EVERY:  # most pairs recur in many bands: keep each once
                codes = [distinct(np.concatenate(codes))]
    found = distinct(np.concatenate(codes))
    return np.stack((found // n, found % n), axis=1)


def distinct(codes: I64) -> I64:
    """The distinct values, sorted (numpy's own unique hashes them, five times slower on these arrays)."""
    import numpy as np

    codes = np.sort(codes)
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


def band_table(sig: U32, lengths: I64) -> dict[str, I64]:
    """Every (text, group, band, key) of both groups as flat columns, for a band join outside memory
    (the Dask and DuckDB recipe of docs/ANALYSIS.md): texts that share (group, band, key) are candidates."""
    import numpy as np

    columns: dict[str, list[I64]] = {"text": [], "grp": [], "band": [], "key": []}
    for group, (members, (bands, rows)) in enumerate(groups(lengths)):
        for band in range(bands):
            columns["text"].append(members)
            columns["grp"].append(np.full(len(members), group, dtype=np.int64))
            columns["band"].append(np.full(len(members), band, dtype=np.int64))
            columns["key"].append(band_key(sig, band, rows, members).view(np.int64))  # same bits, signed for Parquet
    return {name: np.concatenate(parts) for name, parts in columns.items()}


def bucket_pairs(row: U64) -> I64:
    """Pairs of texts with equal keys in one band: every pair of a bucket, up to BUCKET_WINDOW apart."""
    import numpy as np

    order = np.argsort(row, kind="stable")
    ranked = row[order]
    found = []
    for gap in range(1, BUCKET_WINDOW + 1):
        same = np.flatnonzero(ranked[gap:] == ranked[:-gap])
        if not len(same):
            break
        found.append(np.stack((order[same], order[same + gap]), axis=1))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    return np.sort(pairs, axis=1).astype(np.int64)
