"""``app.common.cli_parser``: Chinese help and errors on its own parsers, argparse itself untouched (the
hub's process and its libraries keep argparse as it is)."""

from __future__ import annotations

import argparse

import pytest

from app.common.cli_parser import ChineseParser, translate


def _parser() -> ChineseParser:
    parser = ChineseParser(prog="python -m server", description="中心")
    parser.add_argument("--port", type=int, help="端口")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--all", action="store_true")
    group.add_argument("--one")
    sub = parser.add_subparsers(title="命令", metavar="命令", parser_class=ChineseParser)
    act = sub.add_parser("act", help="办理")
    act.add_argument("ref")
    act.add_argument("--kind", choices=["a", "b"])
    return parser


def test_help_and_usage_are_chinese():
    text = _parser().format_help()
    assert text.startswith("用法：python -m server") and "选项" in text and "显示本帮助并退出" in text
    assert "usage:" not in text and "show this help" not in text and "options" not in text


@pytest.mark.parametrize(("argv", "expected"), [
    (["--port", "x"], "错误：参数 --port 应为整数：'x'"),
    (["--bogus"], "错误：无法识别的参数：--bogus"),
    (["act"], "错误：缺少必需的参数：ref"),
    (["act", "1", "--kind", "c"], "错误：参数 --kind 的取值 'c' 无效"),
    (["--all", "--one", "x"], "错误：参数 --one 不能与参数 --all 同时使用"),
    (["--port"], "错误：参数 --port 需要一个值"),
    (["nope"], "无效"),
])
def test_errors_are_chinese(argv, expected, capsys):
    with pytest.raises(SystemExit) as exit_:
        _parser().parse_args(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith("用法：") and expected in err, err


def test_argparse_itself_is_not_patched():
    import app.cli.arguments  # noqa: F401  (the client's parser, imported in the same process)
    import server.admin_cli  # noqa: F401

    plain = argparse.ArgumentParser(prog="x")
    assert plain.format_help().startswith("usage: x") and "show this help message and exit" in plain.format_help()


def test_an_unknown_message_is_left_as_it_is():
    assert translate("something new") == "something new"
    assert translate("argument --x: 须为日期") == "参数 --x：须为日期"
