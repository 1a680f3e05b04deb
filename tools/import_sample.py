"""Write docs/examples/hotline-12345-export.xlsx: a realistic, messy 12345 hotline export to try
``python main.py import docs/examples/hotline-12345-export.xlsx --mapping 12345热线工单导出 --dry-run``.

What real county exports do, on purpose: a title row merged across the sheet, 所属区县 and 承办单位
merged down over a group of tickets, empty rows between groups, 来电时间 as Excel serial numbers and
as text in several formats, phones stored as numbers, amounts as text with separators, a credit code
with a wrong check character, a ticket exported twice, a county name nobody knows, a row with no
enterprise. Deterministic (seeded): rerunning gives the same rows.

    python tools/import_sample.py [-o FILE] [--rows N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from stdnum.cn import uscc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HEADERS = ["工单编号", "来电时间", "诉求人", "联系电话", "企业名称", "统一社会信用代码", "被反映单位", "所属区县",
           "承办单位", "诉求类别", "涉及金额", "诉求内容", "办理状态"]
COUNTIES = {"楚雄市": "532301", "双柏县": "532322", "牟定县": "532323", "南华县": "532324", "姚安县": "532325",
            "大姚县": "532326", "永仁县": "532327", "元谋县": "532328", "武定县": "532329", "禄丰市": "532302"}
BODIES = ["住房和城乡建设局", "农业农村局", "工业和信息化局", "教育体育局", "卫生健康局", "交通运输局", "自然资源局"]
TRADES = ["建材", "农业科技", "建筑工程", "商贸", "食品", "信息技术", "物流", "园林绿化"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华"
KINDS = [("拖欠工程款", "拖欠本公司{what}工程款{amount}，经多次催要至今未支付"),
         ("政策承诺不兑现", "招商引资时承诺的{what}扶持资金{amount}至今未兑现"),
         ("单方解除合同", "单方面解除与本公司签订的{what}合同，已投入{amount}无人过问"),
         ("新官不理旧账", "以领导调整为由不履行{what}协议，涉及金额{amount}")]
WHATS = ["道路硬化", "校舍维修", "农田水利", "产业园配套", "办公楼装修", "污水管网"]
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng: random.Random, region: str) -> str:
    body = "91" + region + "".join(rng.choice(_ALPHABET) for _ in range(9))
    return body + uscc.calc_check_digit(body)


def build(path: Path, rows: int = 40, seed: int = 12345) -> Path:
    rng = random.Random(seed)
    book = Workbook()
    sheet = book.active
    sheet.title = "工单导出"
    sheet.append(["楚雄州12345政务服务便民热线 涉企诉求工单导出（导出时间：2026-03-31 17:02）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    date_forms = [lambda d: 46082 + d, lambda d: f"2026/3/{1 + d} 09:{10 + d:02d}", lambda d: f"2026年3月{1 + d}日",
                  lambda d: f"2026-03-{1 + d:02d} 15:42:07", lambda d: 46082 + d + 0.6375]
    written: list[list] = []
    number = 0
    while number < rows:
        county = rng.choice(list(COUNTIES))
        body = county + rng.choice(BODIES)
        group = rng.randint(2, 4)
        start = sheet.max_row + 1
        for g in range(min(group, rows - number)):
            number += 1
            day = rng.randint(0, 27)
            kind, story = rng.choice(KINDS)
            amount = rng.choice([35000, 128000, 86500.5, 420000, 1500000])
            company = f"{county.rstrip('县市')}{rng.choice(['鑫','恒','瑞','宏','泰','源','丰'])}{rng.choice(['达','盛','兴','通','安'])}{rng.choice(TRADES)}有限公司"
            row = [f"CX12345-2603{number:05d}", date_forms[number % len(date_forms)](day),
                   rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN]),
                   rng.choice([13887000000, 15808780000, 18687830000]) + rng.randint(0, 99999) if number % 7 else
                   f"0878-{rng.randint(3000000, 7999999)}",
                   company, credit_code(rng, COUNTIES[county]), body, county if g == 0 else None,
                   f"{county}人民政府" if g == 0 else None, kind,
                   f"{amount:,.2f}" if number % 3 else amount,
                   f"本人系{company}负责人，反映{body}" + story.format(what=rng.choice(WHATS), amount=f"{amount:,.2f}元")
                   + "，请求督促履约。", "已办结" if number % 5 else "办理中"]
            sheet.append(row)
            full = list(row)
            full[7], full[8] = county, f"{county}人民政府"  # what the merged cells show
            written.append(full)
        if group > 1:
            end = sheet.max_row
            for col in (8, 9):
                if end > start:
                    sheet.merge_cells(start_row=start, start_column=col, end_row=end, end_column=col)
        if rng.random() < 0.4:
            sheet.append([None] * len(HEADERS))  # an empty row between groups
    # the mess a real export carries
    bad = list(written[5])
    bad[0], bad[5] = "CX12345-2603BAD01", bad[5][:-1] + ("0" if bad[5][-1] != "0" else "1")
    sheet.append(bad)  # a credit code with a wrong check character
    sheet.append(list(written[2]))  # the same ticket exported twice
    unknown = list(written[3])
    unknown[0], unknown[7], unknown[8] = "CX12345-2603BAD02", "安宁县", "安宁县人民政府"
    sheet.append(unknown)  # a county the reference data does not know
    empty = list(written[4])
    empty[0], empty[4], empty[5] = "CX12345-2603BAD03", None, None
    sheet.append(empty)  # no enterprise: a citizen's ticket exported by mistake
    widths = [20, 18, 8, 14, 30, 22, 26, 10, 18, 14, 14, 60, 10]
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "examples" / "hotline-12345-export.xlsx"))
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--seed", type=int, default=12345)
    args = parser.parse_args()
    print(build(Path(args.output), args.rows, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
