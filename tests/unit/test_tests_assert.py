"""No test that cannot fail (``tools/test_lint.py``): the suite has none, and the lint finds them."""

from __future__ import annotations

import ast
import textwrap

import pytest

from tools.test_lint import ROOT, Helpers, findings_in, lint, read_allow


def flagged(**modules: str) -> list[str]:
    """The tests the lint flags in ``modules`` (dotted name -> source); files named test_* only."""
    trees = {name: ast.parse(textwrap.dedent(source)) for name, source in modules.items()}
    helpers = Helpers(trees)
    return [f.test for name, tree in trees.items() if name.rsplit(".", 1)[-1].startswith("test_")
            for f in findings_in(tree, name, name.replace(".", "/") + ".py", helpers)]


def test_the_suite_has_no_test_that_cannot_fail():
    found, stale = lint(ROOT)
    assert [f"{f.path}:{f.line}: {f.test}: {f.reason}" for f in found] == []
    assert stale == []  # an allowed test that was fixed: remove its line from tools/test_lint_allow.txt


def test_a_test_without_a_check_is_flagged_and_one_with_a_check_is_not():
    assert flagged(**{"tests.test_x": """
        import pytest

        def test_nothing(office):
            office.profile.close()

        def test_constant():
            assert True

        def test_asserts():
            assert 1 + 1 == 2

        def test_raises():
            with pytest.raises(ValueError):
                int("x")

        def test_waits(qtbot):
            qtbot.waitUntil(lambda: True)

        def test_raises_assertion_error(value=1):
            if value != 1:
                raise AssertionError(value)

        def test_nested_hypothesis_run():
            def run(x):
                assert x >= 0
            run(1)

        class TestGrouped:
            def test_method_without_check(self):
                print("x")

            def helper(self):
                assert isinstance(self, TestGrouped)

            def test_method_with_helper(self):
                self.helper()
    """}) == ["test_nothing", "test_constant", "TestGrouped.test_method_without_check"]


def test_helpers_count_when_they_check_through_their_own_calls_and_imports():
    assert flagged(**{
        "tests.shared": """
            def assert_sound(profile):
                pass

            def compare(a, b):
                inner(a, b)

            def inner(a, b):
                assert a == b

            def quiet(a):
                return a
        """,
        "tests.integration.test_y": """
            from tests.shared import compare, quiet
            from tests.integration import test_z as other

            def local_check(x):
                assert x

            def test_named_assert_helper(p):
                assert_sound(p)

            def test_imported_helper_that_checks_two_calls_down():
                compare(1, 1)

            def test_imported_helper_that_checks_nothing():
                quiet(1)

            def test_local_helper():
                local_check(1)

            def test_another_module_test():
                other.test_checks()

            def test_check_prefix(x):
                check_totals(x)
        """,
        "tests.integration.test_z": """
            def test_checks():
                assert 2 > 1
        """,
    }) == ["test_imported_helper_that_checks_nothing"]


def test_the_allow_list_needs_a_reason_and_stale_entries_are_reported(tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_a.py").write_text("def test_bare():\n    pass\n\n\ndef test_ok():\n    assert 1 + 1 == 2\n",
                                                  encoding="utf-8")
    allow = tmp_path / "allow.txt"
    allow.write_text("# justified cases\ntests/test_a.py::test_bare  # smoke test of the import\n"
                     "tests/test_a.py::test_ok  # fixed since\n", encoding="utf-8")
    assert lint(tmp_path, allow) == ([], ["tests/test_a.py::test_ok"])
    allow.write_text("tests/test_a.py::test_bare\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs its reason"):
        read_allow(allow)
    allow.unlink()
    found, stale = lint(tmp_path, allow)
    assert [(f.key, f.line) for f in found] == [("tests/test_a.py::test_bare", 1)] and stale == []
