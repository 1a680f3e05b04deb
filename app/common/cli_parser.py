"""The Chinese argument parser 中文命令行解析器 of both command lines: the client's ``python main.py``
(``app.cli.arguments``) and the hub's ``python -m server`` (``server.admin_cli``).

argparse writes its own words (``usage:``, ``options``, ``-h``'s help, its errors) in English through
a module-level ``_``. ``ChineseParser`` puts them into Chinese on its own instances only: the group
titles and the ``-h`` help when it is made, the ``用法：`` prefix in its formatter, and the errors
(translated from argparse's English in ``error``). ``argparse`` itself is left untouched, so a library
in the same process (uvicorn, alembic) keeps its own parser as it was. Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys

USAGE_PREFIX = "用法："
HELP_HELP = "显示本帮助并退出"

# argparse's English error messages (Python 3.11-3.13) -> Chinese; the first pattern that matches wins.
_TRANSLATIONS = [
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"one of the arguments (.*) is required", r"必须给出以下参数之一：\1"),
    (r"ambiguous option: (.*?) could match (.*)", r"选项 \1 不明确，可能是 \2"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效（可选：\3）"),
    (r"argument (.*?): expected one argument", r"参数 \1 需要一个值"),
    (r"argument (.*?): expected at most one argument", r"参数 \1 最多需要一个值"),
    (r"argument (.*?): expected at least one argument", r"参数 \1 至少需要一个值"),
    (r"argument (.*?): expected (\d+) arguments?", r"参数 \1 需要 \2 个值"),
    (r"argument (.*?): invalid int value: (.*)", r"参数 \1 应为整数：\2"),
    (r"argument (.*?): invalid (\S+) value: (.*)", r"参数 \1 的取值无效：\3"),
    (r"argument (.*?): not allowed with argument (.*)", r"参数 \1 不能与参数 \2 同时使用"),
    (r"argument (.*?): ignored explicit argument (.*)", r"参数 \1 不接受取值 \2"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"无效的命令 \1（可选：\2）"),
    (r"argument (.*?): (.*)", r"参数 \1：\2"),  # a type's own message (already Chinese) after the name
]


def translate(message: str) -> str:
    """argparse's English error ``message`` in Chinese (unchanged when no pattern knows it)."""
    for pattern, replacement in _TRANSLATIONS:
        if re.fullmatch(pattern, message, flags=re.DOTALL):
            return re.sub(pattern, replacement, message, count=1, flags=re.DOTALL)
    return message


class ChineseParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and errors are Chinese; pass it as ``parser_class`` to
    ``add_subparsers`` so every sub-command's parser is one too."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP_HELP

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = super()._get_formatter()
        add_usage = formatter.add_usage

        def chinese_usage(usage, actions, groups, prefix=None):
            return add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)

        formatter.add_usage = chinese_usage
        return formatter

    def error(self, message: str) -> None:  # argparse's own messages are English
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{translate(message)}\n（使用 -h 查看帮助）\n")
