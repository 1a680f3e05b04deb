"""The search index keeps exactly the characters SQLite's tokenizer (``unicode61``, as the index table is
made) counts as word characters: letters, digits and private-use characters (an office's 造字), not
punctuation, symbols or combining marks. A character one side keeps and the other drops could never be
found (issue 17, planted bug I: private-use characters were dropped)."""

from __future__ import annotations

import sqlite3
import unicodedata

from app.store.search import tokens

SAMPLE = "aZ09中𠮷ꆈ\ue000\ue4c6\uf8ff，。、 -_¥$%+＃①Ⅻ\u0301é·《》"


def fts_terms(text: str) -> set[str]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 0')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    db.execute("INSERT INTO t VALUES (?)", (text,))
    return {row[0] for row in db.execute("SELECT term FROM v")}


def test_the_index_keeps_the_characters_sqlite_counts_as_word_characters():
    for ch in SAMPLE:
        for c in unicodedata.normalize("NFKC", ch).casefold():
            assert bool(tokens(c)) == bool(fts_terms(c)), (f"U+{ord(c):04X}", unicodedata.category(c))


def test_a_private_use_character_is_kept():
    assert tokens("楚雄\ue4c6建材") == ["楚", "雄", "\ue4c6", "建", "材"]
