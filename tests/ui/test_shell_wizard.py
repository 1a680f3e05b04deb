"""The first-run wizard creates a standalone profile with its administrator, who can then log in."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from app.services.auth import login
from app.services.profile import is_initialised, open_profile
from app.services.users import list_users
from ui.dialogs.first_run import FirstRunWizard

PASSWORD = "Chuxiong#2026"


def _wizard(qtbot, tmp_path, tasks) -> FirstRunWizard:
    wizard = FirstRunWizard(tmp_path / "office", tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_region_list_has_the_ten_counties_and_the_prefecture(qtbot, tmp_path, tasks):
    wizard = _wizard(qtbot, tmp_path, tasks)
    combo = wizard.office_page.region
    codes = [combo.itemData(i)[0] for i in range(combo.count())]
    assert len(codes) == 11
    assert codes[-1] == "532300"
    assert {"532301", "532302", "532322", "532329"} <= set(codes)
    assert combo.itemText(codes.index("532322")) == "双柏县（532322）"


def test_office_name_follows_the_region_until_typed(qtbot, tmp_path, tasks):
    wizard = _wizard(qtbot, tmp_path, tasks)
    page = wizard.office_page
    page.region.setCurrentIndex(page.region.findText("姚安县（532325）"))
    assert page.office.text() == "姚安县发展和改革局"
    page.region.setCurrentIndex(page.region.count() - 1)
    assert page.office.text() == "楚雄彝族自治州发展和改革委员会"
    page.office.end(False)
    qtbot.keyClicks(page.office, "-xyb")
    page.region.setCurrentIndex(0)
    assert page.office.text() == "楚雄彝族自治州发展和改革委员会-xyb"


def test_admin_page_checks_the_password_rules_inline(qtbot, tmp_path, tasks):
    wizard = _wizard(qtbot, tmp_path, tasks)
    wizard.next()
    page = wizard.admin_page
    page.display_name.setText("张三")
    page.passwords.password.setText("short")
    assert not page.isComplete()
    assert "✘ 至少 8 位" in page.passwords.rules.text()
    page.passwords.password.setText("alllowercase")
    assert "✘ 包含小写字母、大写字母、数字、符号中的至少三类" in page.passwords.rules.text()
    page.passwords.password.setText(PASSWORD)
    page.passwords.confirm.setText(PASSWORD + "x")
    assert "✘ 两次输入一致" in page.passwords.rules.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    page.passwords.confirm.setText(PASSWORD)
    assert page.isComplete()
    page.username.setText("张")
    assert not page.isComplete()
    assert "登录名" in page.problem.text()


def test_wizard_creates_a_profile_the_administrator_can_log_in_to(qtbot, tmp_path, tasks):
    wizard = _wizard(qtbot, tmp_path, tasks)
    page = wizard.office_page
    page.region.setCurrentIndex(page.region.findText("双柏县（532322）"))
    wizard.next()
    admin = wizard.admin_page
    admin.username.setText("Admin")
    admin.display_name.setText("张三")
    admin.passwords.password.setText(PASSWORD)
    admin.passwords.confirm.setText(PASSWORD)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "创建"
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10000)
    assert wizard.created_username == "admin"
    closing = wizard.done_page.text.text()  # the next step: the officers' accounts (三员分立)
    assert "admin" in closing and "设置 → 用户管理" in closing and "三员分立" in closing
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "去登录"
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()  # made: no going back to change it
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    home = tmp_path / "office"
    assert is_initialised(home)
    profile = open_profile(home, daily_backup=False)
    try:
        assert profile.office.region_code == "532322"
        assert profile.office.name == "双柏县发展和改革局"
        [user] = list_users(profile)
        assert (user.username, user.display_name, user.roles) == ("admin", "张三", ("admin",))
        assert login(profile, "admin", PASSWORD).username == "admin"
    finally:
        profile.close()
