"""Near-duplicate fingerprints: a 64-bit simhash over word shingles of the normalised text.

Reposts of a rejected scam change a few words, the employer name, the numbers or the
spelling ("tr4nsfer"); normalisation undoes the spelling, numbers are dropped, and simhash
keeps the rest close: two posts are near-duplicates when few of the 64 bits differ. The value
is stored on the gig (`Gig.text_fingerprint`) so the board compares integers, not texts.
"""

from __future__ import annotations

import hashlib
import re

from .normalize import normalize

BITS = 64
SHINGLE_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


def _hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def simhash_of_normalized(text: str) -> int | None:
    """Signed 64-bit simhash (fits a BigIntegerField), None for texts too short to compare."""
    words = _WORD.findall(text)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(shingles) < 8:
        return None
    weights = [0] * BITS
    for shingle in shingles:
        value = _hash(shingle)
        for bit in range(BITS):
            weights[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit, weight in enumerate(weights) if weight > 0)
    return unsigned - (1 << BITS) if unsigned >= 1 << (BITS - 1) else unsigned


def simhash(*texts: str) -> int | None:
    return simhash_of_normalized(normalize("\n".join(t for t in texts if t)))


def distance(a: int, b: int) -> int:
    """Number of differing bits."""
    return ((a ^ b) & ((1 << BITS) - 1)).bit_count()
