"""Document templates 文书模板: the wording of each kind, in TOML files anyone can edit.

A template (``resources/templates/<id>.toml``; ``<id>`` is the kind, or ``kind.variant`` for the
feedback letter's variants) holds the title, the 主送机关, the body blocks, the 附注 parts, 抄送 and
附件 with ``{placeholders}`` filled from a *snapshot*: a flat dict of strings made by
``app.documents.context``. The rules:

- a body block, a 附注 part, an 抄送 or 附件 entry is printed only when every placeholder in it has a
  value; ``when = "key"`` / ``unless = "key"`` print a block only if a value is (is not) empty;
- the title and the 主送机关 must fill completely;
- issuer, signer, number, date and 印发机关 come from the snapshot's fixed keys (``FIXED``).

Versions. Every template carries ``version``; each version ever used is frozen, byte for byte, in
``resources/templates/versions/<id>/v<version>.toml``. Issuing uses the current file (and refuses
it if it differs from its frozen copy: wording changed without a new version); a reprint uses the
frozen copy of the version recorded in the event, so a later change of wording never alters a
document already issued.
"""

from __future__ import annotations

import string
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.documents.model import Block, Heading, OfficialDocument, Paragraph
from app.domain.errors import DomainError

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"
FIXED = ("issuer", "signer", "number", "issued_on", "printed_by", "extra_copy_to")
_FORMATTER = string.Formatter()


def placeholders(text: str) -> tuple[str, ...]:
    """The ``{names}`` in ``text``, in order (``{{`` and ``}}`` are literal braces)."""
    try:
        return tuple(name for _, name, _, _ in _FORMATTER.parse(text) if name is not None)
    except ValueError as error:
        raise DomainError("template_invalid", template="?", detail=f"{text[:30]}…: {error}") from None


@dataclass(frozen=True)
class TemplateBlock:
    text: str
    heading: int = 0  # 0: a paragraph; 1..4: a heading of that level
    indent: bool = True
    when: str | None = None
    unless: str | None = None


@dataclass(frozen=True)
class Template:
    id: str
    kind: str
    variant: str | None
    version: int
    format: str
    title: str
    recipient: str
    body: tuple[TemplateBlock, ...]
    note: tuple[str, ...] = ()
    copy_to: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()

    def fields(self) -> tuple[str, ...]:
        """Every snapshot key the template reads (placeholders, conditions and the fixed keys), sorted."""
        names: set[str] = set(FIXED)
        for text in (self.title, self.recipient, *self.note, *self.copy_to, *self.attachments):
            names.update(placeholders(text))
        for block in self.body:
            names.update(placeholders(block.text))
            names.update(key for key in (block.when, block.unless) if key)
        return tuple(sorted(names))

    def render(self, snapshot: Mapping[str, Any]) -> OfficialDocument:
        """The document this template says for ``snapshot`` (raises ``template_invalid`` on a gap)."""
        fill = _Filler(self.id, snapshot)
        body: list[Block] = []
        for block in self.body:
            if block.when and not snapshot.get(block.when):
                continue
            if block.unless and snapshot.get(block.unless):
                continue
            text = fill.optional(block.text)
            if text is None:
                continue
            body.append(Heading(block.heading, text) if block.heading else Paragraph(text, block.indent))
        note_parts = [part for part in (fill.optional(p) for p in self.note) if part]
        copy_to: list[str] = []
        for entry in self.copy_to:
            listed = snapshot.get(entry[1:-1]) if entry.startswith("{") and entry.endswith("}") else None
            if isinstance(listed, list):  # "{sanction_bodies}": one entry per name
                copy_to += [str(name) for name in listed]
            elif (name := fill.optional(entry)) is not None:
                copy_to.append(name)
        copy_to += [str(name) for name in snapshot.get("extra_copy_to") or ()]
        issued_on = date.fromisoformat(fill.value("issued_on"))
        return OfficialDocument(
            format=self.format,  # type: ignore[arg-type]
            issuer=fill.value("issuer"),
            number=fill.value("number"),
            title=fill.required(self.title),
            recipient=fill.required(self.recipient) or None,
            body=tuple(body),
            attachments=tuple(a for a in (fill.optional(t) for t in self.attachments) if a),
            signer=fill.value("signer"),
            date=issued_on,
            note="，".join(note_parts) or None,
            copy_to=tuple(dict.fromkeys(name.strip() for name in copy_to if name.strip())),
            printed_by=(snapshot.get("printed_by") or None) if self.format == "document" else None,
            printed_on=issued_on if self.format == "document" else None,
        )


class _Filler:
    def __init__(self, template_id: str, snapshot: Mapping[str, Any]) -> None:
        self.template_id = template_id
        self.snapshot = snapshot

    def value(self, key: str) -> str:
        if key not in self.snapshot:
            raise DomainError("template_invalid", template=self.template_id, detail=f"缺少数据项 {key}")
        value = self.snapshot[key]
        return "" if value is None else str(value)

    def required(self, text: str) -> str:
        return text.format_map({name: self.value(name) for name in placeholders(text)})

    def optional(self, text: str) -> str | None:
        """``text`` filled, or None when one of its placeholders has no value."""
        values = {name: self.value(name) for name in placeholders(text)}
        if any(not value.strip() for value in values.values()):
            return None
        return text.format_map(values)


class TemplateLibrary:
    """The templates of one folder (the shipped ``resources/templates`` unless a test gives another)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else TEMPLATE_DIR
        self._cache: dict[Path, tuple[tuple[int, int], bytes, Template]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def template_id(kind: str, variant: str | None = None) -> str:
        return f"{kind}.{variant}" if variant else kind

    def current(self, kind: str, variant: str | None = None) -> Template:
        """The template to issue with now; it must equal the frozen copy of its version."""
        template_id = self.template_id(kind, variant)
        raw, template = self._load(self.root / f"{template_id}.toml", template_id, None)
        frozen = self._frozen_path(template_id, template.version)
        try:
            same = frozen.read_bytes() == raw
        except OSError:
            same = False
        if not same:
            raise DomainError("template_not_frozen", template=template_id, version=template.version)
        return template

    def version(self, kind: str, variant: str | None, version: int) -> Template:
        """A frozen version, as it was when a document was issued with it."""
        template_id = self.template_id(kind, variant)
        return self._load(self._frozen_path(template_id, version), template_id, version)[1]

    def _frozen_path(self, template_id: str, version: int) -> Path:
        return self.root / "versions" / template_id / f"v{version}.toml"

    def _load(self, path: Path, template_id: str, version: int | None) -> tuple[bytes, Template]:
        try:
            stat = path.stat()
        except OSError:
            raise DomainError("template_missing", template=template_id, version=version or "当前") from None
        key = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        raw = path.read_bytes()
        template = parse_template(raw, template_id)
        if version is not None and template.version != version:
            raise DomainError("template_invalid", template=template_id,
                              detail=f"{path.name} 中的版本号为 {template.version}")
        with self._lock:
            self._cache[path] = (key, raw, template)
        return raw, template


def parse_template(raw: bytes, template_id: str) -> Template:
    """A template from the bytes of its TOML file; ``template_invalid`` with the reason otherwise."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        kind, _, variant = template_id.partition(".")
        if data.get("kind") != kind or (data.get("variant") or "") != variant:
            raise ValueError(f"kind/variant 应为 {kind}/{variant or '无'}")
        body = tuple(_block(item) for item in data["body"])
        template = Template(
            id=template_id, kind=kind, variant=variant or None, version=int(data["version"]),
            format=_one_of(data["format"], ("document", "letter")), title=str(data["title"]),
            recipient=str(data["recipient"]), body=body, note=_texts(data.get("note")),
            copy_to=_texts(data.get("copy_to")), attachments=_texts(data.get("attachments")),
        )
        template.fields()  # every placeholder parses
        if template.version < 1 or not body:
            raise ValueError("version 须为正整数，body 不能为空")
        return template
    except DomainError as error:
        raise DomainError("template_invalid", template=template_id, detail=error.params.get("detail", "")) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise DomainError("template_invalid", template=template_id, detail=f"{type(error).__name__}: {error}") from None


def _block(item: Any) -> TemplateBlock:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError("body 的每一项须有 text")
    unknown = set(item) - {"text", "heading", "indent", "when", "unless"}
    if unknown:
        raise ValueError(f"body 中不认识的键：{', '.join(sorted(unknown))}")
    heading = int(item.get("heading", 0))
    if heading not in (0, 1, 2, 3, 4):
        raise ValueError("heading 须为 1–4")
    return TemplateBlock(item["text"].strip(), heading, bool(item.get("indent", True)), item.get("when"),
                         item.get("unless"))


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("note、copy_to、attachments 须为文字列表")
    return tuple(value)


def _one_of(value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"format 须为 {' 或 '.join(allowed)}")
    return value


LIBRARY = TemplateLibrary()
"""The shipped templates (services use it unless a test passes another library)."""
