"""``user passwd``, ``user reset`` and the separation of duties through ``python main.py``."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_cli import ADMIN_PW, OFFICER_PW, Cli, ok

NEW_PW = "Neu#2026word"


@pytest.fixture
def cli(tmp_path) -> Cli:
    run = Cli(tmp_path / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin", password=ADMIN_PW))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password=ADMIN_PW, new_password=OFFICER_PW))
    return run


def test_reset_then_the_temporary_password_opens_nothing_but_passwd(cli):
    reset = json.loads(ok(cli("user", "reset", "yang", "--user", "admin", "--json", password=ADMIN_PW)).stdout)
    temporary = reset["temporary_password"]
    refused = cli("complaint", "list", "--user", "yang", password=temporary)
    assert refused.returncode != 0 and "临时密码" in refused.stderr
    ok(cli("user", "passwd", "--user", "yang", password=temporary, new_password=NEW_PW))
    ok(cli("complaint", "list", "--user", "yang", password=NEW_PW))
    wrong = cli("user", "passwd", "--user", "yang", password=OFFICER_PW, new_password="Other#2026pw")
    assert wrong.returncode != 0 and "原密码不正确" in wrong.stderr


def test_admin_and_business_roles_are_refused_together(cli):
    done = cli("user", "add", "mix", "--name", "合用账户", "--roles", "admin,clerk", "--user", "admin",
               password=ADMIN_PW, new_password=OFFICER_PW)
    assert done.returncode != 0 and "三员分立" in done.stderr
