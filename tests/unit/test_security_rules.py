"""The password policy, separation of duties and log masking at their edges (issue 17: mutation testing)."""

from __future__ import annotations

import logging

import pytest

from app.domain.errors import DomainError
from app.security import log_masking, passwords
from app.security.log_masking import PersonalDataFilter
from app.security.passwords import check_password_policy, password_problem
from app.security.separation import combination_problem, handles_cases, is_combined

ID = "53232219800101193X"  # a valid number (masking keeps invalid digit runs, e.g. amounts)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Abc1234", "password_too_short"),  # 7 characters, 3 classes
        ("Abc12345", None),  # 8 characters: lower, upper, digit
        ("abc1234!", None),  # lower, digit, symbol
        ("ABC1234!", None),  # upper, digit, symbol
        ("Abcdefg!", None),  # lower, upper, symbol
        ("abcdefgh", "password_too_simple"),
        ("abcd1234", "password_too_simple"),  # two classes
        ("ABCD!!!!", "password_too_simple"),
        ("12345678", "password_too_simple"),
        ("中文密码中文密码1A", "password_too_simple"),  # CJK letters count as neither case nor symbol
        ("", "password_too_short"),
    ],
)
def test_the_password_policy_needs_eight_characters_of_three_classes(password, problem):
    assert password_problem(password) == problem


def test_a_password_breaking_the_policy_is_refused_with_its_reason_and_the_minimum():
    with pytest.raises(DomainError) as info:
        check_password_policy("Ab1!")
    assert (info.value.code, info.value.field, info.value.params["min_length"]) == (
        "password_too_short", "password", 8)
    with pytest.raises(DomainError) as info:
        check_password_policy("abcdefghij")
    assert info.value.code == "password_too_simple"
    assert check_password_policy("Abcdefg1") is None


def test_a_verifier_accepts_its_password_only():
    stored = passwords.hash_password("Abcdefg1")
    assert passwords.verify_password(stored, "Abcdefg1")
    assert not passwords.verify_password(stored, "abcdefg1")
    assert not passwords.verify_password("not a hash", "Abcdefg1")
    assert passwords.needs_rehash("not a hash")
    assert not passwords.needs_rehash(stored)


@pytest.mark.parametrize(
    ("roles", "combined"),
    [
        (["admin"], False), (["auditor"], False), (["clerk", "handler", "leader"], False), ([], False),
        (["admin", "auditor"], True), (["admin", "clerk"], True), (["auditor", "leader"], True),
        (["admin", "admin"], False),  # the same role twice is still one role
    ],
)
def test_system_roles_stand_alone_business_roles_combine(roles, combined):
    assert is_combined(roles) is combined
    assert combination_problem(roles) == ("roles_combined" if combined else None)


def test_only_business_roles_handle_cases():
    assert handles_cases(["clerk"]) and handles_cases(["handler"]) and handles_cases(["leader"])
    assert handles_cases(["admin", "leader"])
    assert not handles_cases(["admin"]) and not handles_cases(["auditor"]) and not handles_cases([])


def _record(msg, args=(), exc_info=None, stack_info=None):
    record = logging.LogRecord("app.test", logging.WARNING, __file__, 1, msg, args, exc_info)
    record.stack_info = stack_info
    return record


def test_the_log_filter_masks_message_arguments_and_keeps_the_record():
    record = _record("电话 %s 身份证 %s", ("13887012345", ID))
    assert PersonalDataFilter().filter(record) is True
    assert record.getMessage() == "电话 138****2345 身份证 5323**********193X"
    assert record.args == ()


def test_a_record_without_personal_data_keeps_its_message():
    record = _record("同步完成 %d 条", (3,))
    PersonalDataFilter().filter(record)
    assert record.getMessage() == "同步完成 3 条"
    plain = _record("无参数")
    PersonalDataFilter().filter(plain)
    assert (plain.msg, plain.args) == ("无参数", ())


def test_a_record_whose_arguments_do_not_fit_is_masked_not_dropped():
    record = _record("电话 %s %s", ("13887012345",))
    assert PersonalDataFilter().filter(record) is True
    assert "13887012345" not in record.getMessage() and "138****2345" in record.getMessage()


def test_tracebacks_and_stacks_are_masked():
    try:
        raise ValueError(f"bad {ID}")
    except ValueError:
        import sys

        record = _record("失败", exc_info=sys.exc_info(), stack_info=f"Stack: 13887012345 {ID}")
    PersonalDataFilter().filter(record)
    assert ID not in record.exc_text and "5323**********193X" in record.exc_text
    assert record.stack_info == "Stack: 138****2345 5323**********193X"
    again = _record("失败")
    again.exc_text = f"Traceback: {ID}"
    PersonalDataFilter().filter(again)
    assert again.exc_text == "Traceback: 5323**********193X"


def test_install_puts_the_filter_once_on_every_handler_and_the_last_resort():
    logger = logging.getLogger("lvyue-test-masking")
    first, second = logging.StreamHandler(), logging.StreamHandler()
    logger.addHandler(first)
    logger.addHandler(second)
    try:
        assert log_masking.install(logger) is log_masking.FILTER
        log_masking.install(logger)
        for handler in (first, second, logging.lastResort):
            assert handler.filters.count(log_masking.FILTER) == 1
    finally:
        for handler in (first, second, logging.lastResort):
            handler.removeFilter(log_masking.FILTER)
        logger.removeHandler(first)
        logger.removeHandler(second)
