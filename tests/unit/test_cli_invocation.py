"""Which command lines start the window and which go to the CLI (issue 13: ``main.py report``)."""

from __future__ import annotations

import pytest

from app.cli import is_cli_invocation


@pytest.mark.parametrize("args", [[], ["--demo"], ["--home", "demo"], ["--home", "D:/lvyue", "--demo"],
                                  ["-platform", "offscreen"], ["--home", "sync", "-style", "fusion"]])
def test_these_start_the_window(args):
    assert not is_cli_invocation(args)


@pytest.mark.parametrize("args", [["sync"], ["--home", "x", "complaint", "list"], ["--help"], ["--version"],
                                  ["reprot"], ["--user", "wang", "repport"]])
def test_these_go_to_the_command_line(args):
    assert is_cli_invocation(args)


def test_an_unknown_command_is_a_usage_error_not_the_window(capsys):
    from app.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["reprot"])
    assert exit_.value.code == 2
    assert "reprot" in capsys.readouterr().err
