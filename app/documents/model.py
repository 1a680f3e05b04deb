"""What an official document (公文) says, before it is laid out: plain frozen data."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

Format = Literal["document", "letter"]


@dataclass(frozen=True)
class Heading:
    """A structural heading; ``text`` includes its number: 1 ``一、`` 2 ``（一）`` 3 ``1.`` 4 ``（1）``."""

    level: int
    text: str

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3, 4):
            raise ValueError(f"heading level must be 1..4, not {self.level}")


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; ``indent`` gives its first line the customary two-character indent."""

    text: str
    indent: bool = True


@dataclass(frozen=True)
class Table:
    """A table: its header, rows of cell texts, relative column widths, each column's alignment
    (``left``, ``right``, ``center``); ``total``: the last row is a 合计 row (its label centred)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[str, ...]
    total: bool = False

    def __post_init__(self) -> None:
        columns = len(self.header)
        if len(self.widths) != columns or len(self.align) != columns or any(len(r) != columns for r in self.rows):
            raise ValueError("every row, the widths and the alignments need one entry per header column")


@dataclass(frozen=True)
class Annex:
    """An attachment printed with the document (附件, GB/T 9704 §8): on its own pages after the
    signature, ``附件N`` in 黑体 top left, its title centred, then its blocks."""

    title: str
    body: tuple[Block, ...]


Block = Heading | Paragraph | Table


@dataclass(frozen=True, kw_only=True)
class OfficialDocument:
    """One notice (文件 format, ``document``) or letter (信函 format, ``letter``).

    ``number`` (发文字号) comes formatted, e.g. ``双发改函〔2026〕7号``; ``recipient`` (主送机关) gets its
    full-width colon when rendered; ``note`` (附注) is given without its parentheses. ``copy_to``,
    ``printed_by`` and ``printed_on`` make the 版记; the 信函 format prints only its 抄送 line.
    """

    format: Format
    issuer: str
    number: str
    title: str
    recipient: str | None
    body: tuple[Block, ...]
    attachments: tuple[str, ...] = ()
    signer: str = ""
    date: date
    note: str | None = None
    copy_to: tuple[str, ...] = ()
    printed_by: str | None = None
    printed_on: date | None = None
    annexes: tuple[Annex, ...] = ()

    def __post_init__(self) -> None:
        if self.format not in ("document", "letter"):
            raise ValueError(f"format must be 'document' or 'letter', not {self.format!r}")

    def cleaned(self) -> OfficialDocument:
        """The same document with control characters dropped and each text trimmed (see :func:`clean_text`)."""
        return replace(
            self,
            issuer=clean_text(self.issuer),
            number=clean_text(self.number),
            title=clean_text(self.title),
            recipient=clean_text(self.recipient) if self.recipient else self.recipient,
            body=tuple(_cleaned(block) for block in self.body),
            annexes=tuple(Annex(clean_text(a.title), tuple(_cleaned(b) for b in a.body)) for a in self.annexes),
            attachments=tuple(clean_text(name) for name in self.attachments),
            signer=clean_text(self.signer),
            note=clean_text(self.note) if self.note else self.note,
            copy_to=tuple(clean_text(name) for name in self.copy_to),
            printed_by=clean_text(self.printed_by) if self.printed_by else self.printed_by,
        )

    @property
    def has_record(self) -> bool:
        """Whether a 版记 is printed."""
        if self.format == "letter":
            return bool(self.copy_to)
        return bool(self.copy_to or self.printed_by or self.printed_on)


def _cleaned(block: Block) -> Block:
    if isinstance(block, Table):
        return replace(block, header=tuple(clean_text(c) for c in block.header),
                       rows=tuple(tuple(clean_text(c) for c in row) for row in block.rows))
    return replace(block, text=clean_text(block.text))


def clean_text(text: str) -> str:
    """Drop invisible format and control characters, keep line breaks, trim each line.

    Text pasted from word processors often starts paragraphs with two ideographic spaces as a
    manual indent; the layout indents by itself, so leading and trailing spaces (and U+3000) go.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf"))
    return "\n".join(line.strip(" \u3000\u00a0") for line in kept.split("\n")).strip("\n")


def format_chinese_date(day: date) -> str:
    """成文日期 in Arabic numerals without leading zeros: ``2026年11月26日``."""
    return f"{day.year}年{day.month}月{day.day}日"
