"""Factories for realistic Chinese test data: valid credit codes, real county codes, plausible texts."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stdnum.cn import uscc

from app.domain.clock import CHINA

COUNTIES = {
    "532301": "楚雄市", "532322": "双柏县", "532323": "牟定县", "532324": "南华县", "532325": "姚安县",
    "532326": "大姚县", "532327": "永仁县", "532328": "元谋县", "532329": "武定县", "532302": "禄丰市",
}
PASSWORD = "Test#2026pw"
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(prefix: str = "91", region: str = "532322", rng: random.Random | None = None) -> str:
    """A valid 18-character unified social credit code (GB 32100 check character)."""
    rng = rng or random.Random()
    body = prefix + region + "".join(rng.choice(_ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def corrupt(code: str) -> str:
    """The same code with its check character changed (fails the checksum, format still fine)."""
    last = code[-1]
    replacement = next(ch for ch in _ALPHABET if ch != last)
    return code[:-1] + replacement


def intake(region: str = "532322", *, complainant: str = "双柏县绿源农业科技有限公司",
           respondent: str | None = None, rng: random.Random | None = None, **overrides: Any) -> dict:
    county = COUNTIES.get(region, "楚雄州")
    data = {
        "complainant": {
            "name": complainant, "credit_code": credit_code("91", region, rng), "legal_representative": "李明",
            "contact_person": "王喆", "phone": "13887012345", "address": f"云南省楚雄州{county}妥甸镇团结路8号",
        },
        "respondent": {
            "name": respondent or f"{county}农业农村局", "kind": "organ", "region_code": region,
            "competent_department": f"{county}人民政府",
        },
        "channel": "hotline_12345",
        "sector": "industrial_support",
        "breach_kind": "policy_unfulfilled",
        "agreement": {"title": "高原特色农业产业扶持协议", "number": "SBN-2024-017", "signed_on": "2024-03-18",
                      "amount": "1200000.00"},
        "claim": {"amount": "300000", "text": "请求按协议兑现产业扶持资金30万元。"},
        "description": "2024年3月与县农业农村局签订产业扶持协议，约定项目验收合格后兑现扶持资金30万元，"
                       "项目已于2024年12月验收合格，至今未兑现。",
    }
    for key, value in overrides.items():
        data[key] = value
    return data


def china_noon(year: int, month: int, day: int) -> datetime:
    """Noon in China on a date, as an aware UTC datetime (a deterministic clock for tests)."""
    return datetime(year, month, day, 12, 0, tzinfo=CHINA).astimezone(UTC)


class FixedClock:
    """A clock tests can move: ``clock.now = ...`` or ``clock.advance(minutes=16)``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self.now = self.now + timedelta(**delta)


def write_json(path: Path, data: Any) -> Path:
    import json

    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
