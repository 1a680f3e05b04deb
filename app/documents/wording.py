"""Officers' free text framed for the document's recipient 行文对象.

Texts are typed about a body in the third person (“双柏县农业农村局于2024年3月18日…”, “督促双柏县农业农村局…”);
printed verbatim in a notice *to* that body they read as if it were someone else. Two simple, safe
frames, neither of which changes what the text says:

- ``addressed(text, recipient, pronoun)``: the recipient's own full name, where it stands as a body on
  its own (followed by a particle, a verb or punctuation, not by more of a longer name such as
  ``双柏县人民政府办公室``), becomes 你单位 / 贵单位; nothing else is touched;
- ``quoted(label, text)``: a finding made by someone else is given as theirs — ``核实意见：…`` —
  so its third person is right as it stands.
"""

from __future__ import annotations

import re

# What may follow a body's name when the name stands for the body itself (a particle, a common verb
# or adverb, punctuation). Anything else (办公室, 下属, 机关…) may continue a longer name: left alone.
_FOLLOWERS = ("于", "在", "以", "已", "未", "对", "与", "和", "及", "将", "向", "的", "称", "认为", "至今",
              "仍", "拒", "没", "尚", "应", "须", "是", "作为", "按", "自", "为", "因", "无", "不", "既", "也",
              "亦", "均", "曾", "并", "要", "会", "从", "把", "由", "同", "给", "、", "，", "。", "；", "：", "！",
              "？", ",", ";", ":", "）", ")", "”", "\n", " ")


def addressed(text: str, recipient: str, pronoun: str) -> str:
    """``text`` with the recipient's own name, where it names the body itself, replaced by ``pronoun``."""
    name = (recipient or "").strip()
    if not text or len(name) < 2 or not pronoun:
        return text or ""
    out: list[str] = []
    pos = 0
    for match in re.finditer(re.escape(name), text):
        rest = text[match.end():]
        if rest and not rest.startswith(_FOLLOWERS):
            continue
        out.append(text[pos:match.start()])
        out.append(pronoun)
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def quoted(label: str, text: str) -> str:
    """``核实意见：…`` — someone else's finding, attributed; empty when there is no text."""
    return f"{label}：{text}" if text and label else (text or "")


def self_reference(issuer: str) -> str:
    """How an office names itself in its text: 本委 (委员会), 本局 (局), else 本单位."""
    name = (issuer or "").strip()
    if name.endswith("委员会") or name.endswith("委"):
        return "本委"
    if name.endswith("局"):
        return "本局"
    return "本单位"
