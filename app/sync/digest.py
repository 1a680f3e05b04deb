"""The scope digest 完整性摘要: what a device holds, summed up so the hub can compare it with its own.

SHA-256 over ``"{server_seq}:{hash}\\n"`` of every event up to the cursor, in hub order. Both sides feed
rows into ``ScopeDigest`` in the same order, so equal sets give equal digests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


class ScopeDigest:
    def __init__(self) -> None:
        self._sha = hashlib.sha256()
        self.count = 0

    def add(self, server_seq: int, event_hash: str) -> None:
        self._sha.update(f"{server_seq}:{event_hash}\n".encode("ascii"))
        self.count += 1

    def extend(self, rows: Iterable[tuple[int, str]]) -> ScopeDigest:
        for seq, event_hash in rows:
            self.add(seq, event_hash)
        return self

    @property
    def hexdigest(self) -> str:
        return self._sha.hexdigest()
