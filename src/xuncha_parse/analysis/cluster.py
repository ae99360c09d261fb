"""Near-duplicate clusters: exact duplicates merged, MinHash candidates, pairs verified, joined without chaining.

``near_clusters(texts, threshold)`` runs the stages in order; each is a function of its own so the
benchmark can time them: ``dedupe`` → ``minhash.signatures`` → ``minhash.candidate_pairs``
→ ``verify`` (rapidfuzz's normalised Indel similarity, the edit-distance ratio) → ``join``. ``join`` takes
representatives greedily, the best-connected first, and gives each only the texts that matched *it*: every
member of a cluster matches its representative, so no chain of near pairs can join two unrelated texts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    F32 = npt.NDArray[np.float32]
    I64 = npt.NDArray[np.int64]

#: the edit-distance ratio two wordings need to be near-duplicates: a one-character edit of a
#: 10-character title is 0.95, ``不到位`` -> ``不够到位`` in 12 characters 0.96; two titles that share
#: only a topic (``主体责任落实不到位`` / ``监督责任落实不到位``) 0.78
WORDING_THRESHOLD = 0.85
#: candidate pairs scored at a time (two lists of this many strings)
VERIFY_CHUNK = 500_000


@dataclass
class Clusters:
    """For each input text: the index of its cluster's representative, and its similarity to it."""

    representative: I64
    similarity: F32


def dedupe(texts: list[str]) -> tuple[list[str], I64]:
    """The distinct texts, in first-seen order, and for each input text the index of its distinct text."""
    import numpy as np

    index: dict[str, int] = {}
    which = np.fromiter((index.setdefault(t, len(index)) for t in texts), dtype=np.int64, count=len(texts))
    return list(index), which


def candidates(texts: list[str]) -> I64:
    """The MinHash-LSH candidate pairs (i < j) of distinct texts."""
    import numpy as np

    from .minhash import candidate_pairs, signatures

    return candidate_pairs(signatures(texts), np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)))


def verify(texts: list[str], pairs: I64, threshold: float) -> tuple[I64, F32]:
    """The candidate pairs whose edit-distance ratio reaches ``threshold``, with their ratios. Pairs whose
    lengths alone rule it out are dropped first (the ratio is at most 2 * shorter / (shorter + longer));
    the rest are scored VERIFY_CHUNK at a time, so memory stays bounded whatever their number."""
    import numpy as np

    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    short, long = np.sort(lengths[pairs], axis=1).T if len(pairs) else (lengths[:0], lengths[:0])
    pairs = pairs[2 * short >= threshold * (short + long)]
    kept, scores = [pairs[:0]], [np.empty(0, dtype=np.float32)]
    for lo in range(0, len(pairs), VERIFY_CHUNK):
        chunk, found = _scored(texts, pairs[lo:lo + VERIFY_CHUNK], threshold)
        kept.append(chunk)
        scores.append(found)
    return np.concatenate(kept), np.concatenate(scores)


def _scored(texts: list[str], pairs: I64, threshold: float) -> tuple[I64, F32]:
    import numpy as np
    from rapidfuzz.distance import Indel
    from rapidfuzz.process import cpdist

    scores = cpdist([texts[i] for i in pairs[:, 0].tolist()], [texts[j] for j in pairs[:, 1].tolist()],
                    scorer=Indel.normalized_similarity, score_cutoff=threshold, dtype=np.float32)
    keep = scores >= threshold
    return pairs[keep], scores[keep].astype(np.float32)


def join(count: int, weights: I64, pairs: I64, scores: F32) -> Clusters:
    """Clusters of ``count`` texts from verified pairs: the text with the most (weighted) matches becomes a
    representative and takes every unassigned text that matched it; then the next, and so on."""
    import numpy as np

    ends = np.concatenate((pairs[:, 0], pairs[:, 1]))
    others = np.concatenate((pairs[:, 1], pairs[:, 0]))
    sims = np.concatenate((scores, scores))
    order = np.argsort(ends, kind="stable")
    ends, others, sims = ends[order], others[order], sims[order]
    bounds = np.searchsorted(ends, np.arange(count + 1))
    degree = np.bincount(ends, weights=weights[others], minlength=count) + weights
    rep = np.full(count, -1, dtype=np.int64)
    sim = np.ones(count, dtype=np.float32)
    for head in np.lexsort((np.arange(count), -degree)).tolist():
        if rep[head] >= 0:
            continue
        rep[head] = head
        near = others[bounds[head]:bounds[head + 1]]
        free = rep[near] < 0
        rep[near[free]] = head
        sim[near[free]] = sims[bounds[head]:bounds[head + 1]][free]
    return Clusters(rep, sim)


def near_clusters(texts: list[str], threshold: float = WORDING_THRESHOLD) -> Clusters:
    """Near-duplicate clusters of ``texts``: representatives and similarities indexed like ``texts``."""
    import numpy as np

    distinct, which = dedupe(texts)
    pairs, scores = verify(distinct, candidates(distinct), threshold)
    found = join(len(distinct), np.bincount(which, minlength=len(distinct)), pairs, scores)
    first = np.unique(which, return_index=True)[1]  # each distinct text's first input
    return Clusters(first[found.representative[which]], found.similarity[which])
