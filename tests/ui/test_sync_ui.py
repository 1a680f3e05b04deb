"""The window's sync against a live hub (``tests.sync_fixtures``): enrolment in the first-run wizard and
in 设置, the 同步 page (sync, refusals, 待核对, cancel, hub unreachable, clock skew), the status-bar
indicator in each state, and the daily sync time."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import text

from app.domain.clock import CHINA, parse_iso, utc_now
from app.domain.ids import uuid7
from app.services import sync as sync_service
from app.services.act import act as take
from app.services.queries import local_time
from app.store.events import Draft
from app.sync.transport import HubClient
from tests.factories import PASSWORD, FixedClock, intake
from tests.sync_fixtures import COUNTY_A, FORWARD, NOTE, REJECT, enrol_device, register
from tests.ui.qt_guard import drain
from ui.context import UiContext
from ui.dialogs.first_run import FirstRunWizard
from ui.dialogs.login import LoginDialog
from ui.main_window import SETTINGS, SYNC, MainWindow
from ui.pages.case_tabs import ID_PROPERTY
from ui.startup import Startup
from ui.sync.enrolment import EnrolDialog

pytest_plugins = ("tests.sync_fixtures",)  # the live hub (the keyring is tests/ui/conftest.py's memory one)

REGION, OFFICE, OFFICER = COUNTY_A


@pytest.fixture
def make_device(hub, tmp_path, tasks):
    made = []

    def make(name: str = "sb-pc", clock=None):
        device = enrol_device(hub, tmp_path / name, REGION, OFFICE, clock, OFFICER)
        made.append(device)
        return device

    yield make
    drain(tasks)  # a sync's result reads the status in turn: nothing may still run on a closed profile
    for device in made:
        device.profile.close()


@pytest.fixture
def open_window(qtbot, tasks, ui_settings):
    def open_(device) -> MainWindow:
        window = MainWindow(UiContext(device.profile, device.officer, tasks, ui_settings))
        qtbot.addWidget(window)
        window.show()
        window.go(SYNC)
        qtbot.waitUntil(lambda: window.sync.controller.status is not None, timeout=10000)
        return window

    return open_


def sync_by_button(qtbot, window: MainWindow) -> str:
    page = window.sync
    with qtbot.waitSignals([page.controller.finished], timeout=30000):
        page.sync_button.click()
    qtbot.waitUntil(lambda: not page.controller._reading and page.controller.status is not None, timeout=10000)
    return page.outcome.text()


def sync_by_button_failing(qtbot, window: MainWindow) -> str:
    page = window.sync
    with qtbot.waitSignal(page.controller.failed, timeout=30000):
        page.sync_button.click()
    return page.outcome.text()


def fresh_status(qtbot, window: MainWindow):
    with qtbot.waitSignal(window.sync.controller.status_changed, timeout=10000) as read:
        window.sync.refresh()
    return read.args[0]


# -- enrolment ----------------------------------------------------------------------------------------
def test_the_wizard_enrols_a_new_profile_and_the_hubs_officer_logs_in(qtbot, hub, tmp_path, tasks, ui_settings):
    home = tmp_path / "new-pc"
    startup = Startup(home, tasks, ui_settings)
    startup.start()
    wizard = startup.dialog
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    wizard.office_page.hub.click()
    assert not wizard.office_page.region.isEnabled()
    wizard.next()
    page = wizard.enrol_page
    assert wizard.currentPage() is page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.text() == "加入" and not finish.isEnabled()
    page.form.hub.setText(hub.url)
    page.form.code.setText(hub.code(REGION, OFFICE).lower())  # typed as read over the phone
    page.form.name.setText("双柏发改局-登记室")
    page.form.proxy.setText("直连")  # the hub is on the government network: never the internet proxy
    assert finish.isEnabled()
    finish.click()
    qtbot.waitUntil(lambda: page.done, timeout=30000)
    assert "已加入州级中心：双柏县（532322），发文单位：双柏县发展和改革局。" in page.state.text()
    assert "个用户账户" in page.state.text()
    assert finish.text() == "进入登录"
    finish.click()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog), timeout=10000)
    login = startup.dialog
    qtbot.addWidget(login)
    assert login.username.text() == ""
    qtbot.waitUntil(login.login_button.isEnabled, timeout=10000)
    login.username.setText(OFFICER)  # an account made at the hub, synced with its password verifier
    login.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.ready, timeout=10000) as ready:
        login.login_button.click()
    window = ready.args[0]
    qtbot.addWidget(window)
    assert window.user_label.text().startswith("用户：杨喆")
    assert window.profile_label.text() == "双柏县发展和改革局 · 双柏县（532322）"
    qtbot.waitUntil(lambda: window.sync_label.text().startswith(("已同步", "待上传")), timeout=10000)
    status = fresh_status(qtbot, window)
    assert status.enrolled and status.device_name == "双柏发改局-登记室" and status.scope_region == REGION
    assert status.proxy_setting == "direct" and status.route == "直连（本档案设置）"
    tasks.wait_idle()
    startup.close()


def test_without_a_keyring_the_wizard_says_so_and_spends_nothing(qtbot, hub, tmp_path, tasks):
    keyring.set_keyring(fail.Keyring())
    wizard = FirstRunWizard(tmp_path / "no-keyring", tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office_page.hub.click()
    wizard.next()
    page = wizard.enrol_page
    page.form.hub.setText(hub.url)
    page.form.code.setText(hub.code(REGION, OFFICE))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not page.busy and "凭据" in page.state.text(), timeout=10000)
    assert "无法安全保存同步凭据" in page.state.text()
    assert page.result is None and page.form.isEnabled()  # correct and try again: nothing was created
    assert not (tmp_path / "no-keyring" / "lvyue.sqlite").exists()
    with hub.database.reader() as session:
        assert session.execute(text("SELECT used_at FROM enrolment_codes")).scalar() is None


def test_an_existing_standalone_office_enrols_from_settings_and_uploads_its_work(qtbot, hub, make_ctx, office,
                                                                                  add_complaint):
    made = add_complaint()  # recorded before the office joined
    window = MainWindow(make_ctx("admin"))
    qtbot.addWidget(window)
    window.show()
    window.go(SETTINGS)
    settings = window.settings_page
    qtbot.waitUntil(lambda: window.sync.controller.status is not None, timeout=10000)
    assert settings.mode.text() == "单机模式（未接入州级中心）" and settings.enrol_button.isVisible()
    seen = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EnrolDialog)
        seen["about"] = dialog.about.text()
        # never hang the suite if the hub does not answer; stopped below so it never outlives the test
        guard = seen["guard"] = QTimer(dialog, singleShot=True, interval=30000)
        guard.timeout.connect(dialog.reject)
        guard.start()
        dialog.form.hub.setText(hub.url)
        dialog.form.code.setText(hub.code("532323", "牟定县发展和改革局"))  # another county's code first
        dialog.enrol_button.click()
        qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10000)
        seen["refused"] = dialog.problem.text()
        dialog.form.code.setText(hub.code(REGION, OFFICE))
        dialog.enrol_button.click()

    QTimer.singleShot(0, fill)
    settings.enrol_button.click()  # the dialog runs modally until the enrolment is through
    seen["guard"].stop()
    assert "本机登记的全部案件和办理记录在首次同步时上传到中心" in seen["about"]
    assert "532323" in seen["refused"] and "不一致" in seen["refused"]
    assert window.stack.currentIndex() == SYNC  # the first sync runs where it can be watched
    page = window.sync
    qtbot.waitUntil(lambda: not page.controller.running and page.outcome.isVisible(), timeout=30000)
    assert page.outcome.text().startswith("同步完成"), page.outcome.text()
    qtbot.waitUntil(lambda: page.pending.text() == "0 条记录", timeout=10000)
    assert settings.mode.text().startswith(f"已接入州级中心 {hub.url}")
    assert not settings.enrol_button.isVisible()
    with hub.database.reader() as session:
        streams = session.execute(text("SELECT stream FROM events WHERE action = 'register'")).scalars().all()
    assert made.complaint_id in streams  # the complaint registered standalone reached the hub


# -- the 同步 page -----------------------------------------------------------------------------------
def test_sync_now_sends_everything_and_shows_the_last_sync(qtbot, make_device, open_window, hub):
    device = make_device()
    for _ in range(2):
        register(device)
    window = open_window(device)
    page = window.sync
    waiting = device.status().pending_events
    assert waiting >= 2
    assert page.pending.text() == f"{waiting} 条记录"
    assert window.sync_label.text() == f"待上传 {waiting} 条"
    assert page.mode.text() == "已接入州级中心" and page.hub.text() == hub.url
    assert page.scope.text() == "双柏县（532322）"
    outcome = sync_by_button(qtbot, window)
    assert outcome.startswith(f"同步完成：上传 {waiting} 条记录")
    qtbot.waitUntil(lambda: page.pending.text() == "0 条记录", timeout=5000)
    status = device.status()
    assert status.pending_events == 0
    assert page.last_sync.text() == local_time(status.last_success_at)
    assert window.sync_label.text() == "已同步 " + parse_iso(status.last_success_at).astimezone(CHINA).strftime("%H:%M")
    assert not page.progress.isVisible() and not page.cancel_button.isVisible()


def test_a_refused_record_is_listed_with_the_hubs_reason_and_what_to_do(qtbot, make_device, open_window):
    device = make_device()
    with device.profile.store.unit_of_work() as uow:  # a registration for another county, behind the services
        uow.events.append(Draft(id=uuid7(), stream=uuid7(), action="register", actor=device.officer.user_id,
                                device_time="2026-11-26T03:00:00.000Z",
                                payload={"case_no": "532323-2026-0001", "office_code": "532323",
                                         "intake": intake("532323")}))
        uow.commit()
    window = open_window(device)
    outcome = sync_by_button(qtbot, window)
    assert "中心拒收 1 条记录：仍保存在本机，原因见下方。" in outcome
    page = window.sync
    qtbot.waitUntil(page.refused_box.isVisible, timeout=5000)
    assert page.refused_box.title() == "中心拒收的记录（1 条）"
    row = page.refused.topLevelItem(0)
    assert row.text(1) == "登记"
    assert row.text(3) == "行政区划“532323”不在本设备的管辖范围内"
    assert row.text(4).startswith("该案件不在本机管辖范围内。记录保留在本机")
    indicator = window.sync_label
    assert indicator.level == "attention" and "中心拒收 1 条记录" in indicator.toolTip()


def test_an_attachment_the_hub_refuses_is_named_under_what_waits(qtbot, make_device, open_window, hub, tmp_path):
    from app.services.attachments import attach_file

    device = make_device()
    hub.database.settings.max_blob_bytes = 1024 * 1024
    cid = register(device)
    source = tmp_path / "现场录像.mp4"
    source.write_bytes(b"\x01" * 1_100_000)
    attach_file(device.profile, device.officer, cid, source)
    window = open_window(device)
    outcome = sync_by_button(qtbot, window)
    assert "1 个附件未能传输（原因见“待上传”一栏），每次同步都会再试。" in outcome
    page = window.sync
    qtbot.waitUntil(lambda: "附件过大" in page.pending.text(), timeout=10000)
    first, failure = page.pending.text().split("\n")
    assert first == "0 条记录，附件 1 个"
    assert failure.startswith("上传 ") and failure.endswith("“现场录像.mp4”：附件过大（上限 1 MB）（已试 1 次）")


def test_a_conflicted_complaint_is_listed_and_its_button_opens_it(qtbot, make_device, open_window):
    mine, other = make_device("sb-1"), make_device("sb-2")
    cid = register(mine)
    mine.sync()
    other.sync()
    take(mine.profile, mine.officer, cid, "forward", FORWARD)  # offline, both from 已登记
    take(other.profile, other.officer, cid, "reject", REJECT)
    other.sync()  # the hub gets the rejection first
    window = open_window(mine)
    sync_by_button(qtbot, window)
    page = window.sync
    qtbot.waitUntil(page.conflicts_box.isVisible, timeout=5000)
    assert page.conflicts_box.title() == "待核对的案件（1 件）"
    row = page.conflicts.topLevelItem(0)
    case_no = row.text(0)
    assert case_no.startswith("532322-") and row.text(1).startswith("转办（")
    assert "与另一台电脑的变更同时发生" in row.text(1) or "已不符合案件当前状态" in row.text(1)
    assert "1 件案件待核对" in window.sync_label.toolTip()
    page.conflicts.buttons[cid].click()
    view = window.cases.currentWidget()
    assert view.property(ID_PROPERTY) == cid
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10000)
    assert view.header.conflict.isVisible()  # the detail says 待核对 too


def test_cancel_stops_at_a_safe_point_and_the_next_sync_carries_on(qtbot, make_device, open_window, hub,
                                                                   monkeypatch):
    monkeypatch.setenv("LVYUE_SYNC_PUSH_BATCH", "2")
    device = make_device()
    for _ in range(3):
        register(device)
    window = open_window(device)
    page = window.sync
    waiting = device.status().pending_events
    on_hub = hub.count("events")
    pushed, release = threading.Event(), threading.Event()
    original = HubClient.push

    def slow_push(self, events):
        answer = original(self, events)
        pushed.set()
        release.wait(20)  # the first batch is on the hub; hold the sync here until the officer cancels
        return answer

    monkeypatch.setattr(HubClient, "push", slow_push)
    page.sync_button.click()
    assert window.sync_label.text() == "同步中…" and page.cancel_button.isVisible()
    qtbot.waitUntil(pushed.is_set, timeout=10000)
    qtbot.waitUntil(lambda: page.progress_text.text().startswith("正在上传记录"), timeout=5000)
    assert page.progress.isVisible()
    with qtbot.waitSignal(page.controller.failed, timeout=20000):
        page.cancel_button.click()
        assert window.sync_label.text() == "正在取消…" and not page.cancel_button.isEnabled()
        release.set()
    left = waiting - 2
    qtbot.waitUntil(lambda: "取消前已上传" in page.outcome.text(), timeout=10000)
    assert page.outcome.text() == (f"同步已取消，已完成的部分已保存\n取消前已上传 2 条记录；还有 {left} 条待上传，"
                                   "下次同步时继续。")
    assert hub.count("events") == on_hub + 2 and device.status().pending_events == left  # nothing half-done
    assert window.sync_label.text() == f"待上传 {left} 条"  # cancelled is not failed
    monkeypatch.setattr(HubClient, "push", original)
    assert sync_by_button(qtbot, window).startswith(f"同步完成：上传 {left} 条记录")
    assert hub.count("events") == on_hub + waiting and device.status().pending_events == 0


def test_an_unreachable_hub_is_explained_in_chinese_and_nothing_is_lost(qtbot, make_device, open_window, hub):
    device = make_device()
    cid = register(device)
    window = open_window(device)
    waiting = device.status().pending_events
    hub.stop()
    outcome = sync_by_button_failing(qtbot, window)
    assert outcome.startswith("无法连接中心") and "数据仍完整保存在本机，请稍后再同步" in outcome
    page = window.sync
    qtbot.waitUntil(lambda: window.sync_label.text() == "同步失败", timeout=5000)
    assert "无法连接中心" in window.sync_label.toolTip()
    assert "失败：无法连接中心" in page.last_sync.text()
    assert page.pending.text() == f"{waiting} 条记录" and device.status().pending_events == waiting
    with device.profile.store.read() as session:
        assert session.execute(text("SELECT COUNT(*) FROM complaints WHERE id = :c"), {"c": cid}).scalar() == 1


def test_without_a_keyring_the_sync_stops_with_the_services_message(qtbot, make_device, open_window):
    window = open_window(make_device())
    keyring.set_keyring(fail.Keyring())  # e.g. a Windows account without Credential Manager
    outcome = sync_by_button_failing(qtbot, window)
    assert outcome == "本机没有可用的系统凭据库（Windows 凭据管理器），无法安全保存同步凭据，已停止"
    qtbot.waitUntil(lambda: window.sync_label.text() == "同步失败", timeout=5000)


def test_a_clock_far_from_the_hubs_is_warned_about(qtbot, make_device, open_window):
    device = make_device(clock=FixedClock(utc_now() + timedelta(days=1)))
    window = open_window(device)
    sync_by_button(qtbot, window)
    page = window.sync
    qtbot.waitUntil(page.clock.isVisible, timeout=5000)
    assert page.clock.text().startswith("本机时钟与中心相差") and "请校准系统时间" in page.clock.text()
    assert "本机时钟与中心相差" in page.outcome.text()


# -- the status bar and the daily sync ------------------------------------------------------------------
def test_the_indicator_in_each_state_and_a_click_opens_the_sync_page(qtbot, ctx, tasks, make_device, open_window,
                                                                     hub):
    standalone = MainWindow(ctx)
    qtbot.addWidget(standalone)
    qtbot.waitUntil(lambda: standalone.sync_label.text() == "单机模式", timeout=5000)
    device = make_device()
    window = open_window(device)
    indicator = window.sync_label
    waiting = device.status().pending_events
    assert indicator.text() == f"待上传 {waiting} 条"
    with qtbot.waitSignal(window.sync.controller.finished, timeout=30000):
        window.sync.sync_button.click()
        assert indicator.text() == "同步中…" and indicator.level == "busy"
    qtbot.waitUntil(lambda: indicator.text().startswith("已同步 "), timeout=5000)
    cid = register(device)
    with qtbot.waitSignal(tasks.saved, timeout=5000):  # a write through the window's task runner
        tasks.run(take, device.profile, device.officer, cid, "note", NOTE, write=True)
    qtbot.waitUntil(lambda: indicator.text() == f"待上传 {device.status().pending_events} 条", timeout=5000)
    hub.stop()
    with qtbot.waitSignal(window.sync.controller.failed, timeout=30000):
        window.sync.sync_button.click()
    qtbot.waitUntil(lambda: indicator.text() == "同步失败" and indicator.level == "error", timeout=5000)
    indicator.click()
    assert window.stack.currentIndex() == SYNC


def test_the_daily_time_is_stored_and_the_timer_starts_the_sync_once(qtbot, make_device, open_window):
    clock = FixedClock(datetime(2026, 11, 26, 9, 29, tzinfo=UTC))  # 17:29 in China
    device = make_device(clock=clock)
    window = open_window(device)
    assert window.daily_timer.isActive() and window.daily_timer.interval() == 60_000  # once a minute
    page = window.sync
    box = page.daily
    assert box.isVisible() and not box.enabled.isChecked()
    box.enabled.setChecked(True)
    box.time.setTime(QTime(17, 30))
    with qtbot.waitSignal(box.saved, timeout=5000):
        pass  # stored once the value settles
    assert sync_service.status(device.profile).daily_time == "17:30"
    assert box.note.text() == "已保存：程序开着时，每天 17:30 自动同步。"
    assert fresh_status(qtbot, window).daily_time == "17:30"
    assert window.check_daily_sync() is False  # 17:29: not yet
    clock.now = datetime(2026, 11, 26, 9, 31, tzinfo=UTC)
    with qtbot.waitSignal(page.controller.finished, timeout=30000):
        assert window.check_daily_sync() is True
        assert window.check_daily_sync() is False  # already running: skipped
    fresh_status(qtbot, window)
    clock.now = datetime(2026, 11, 26, 10, 5, tzinfo=UTC)
    assert window.check_daily_sync() is False  # done for today
    clock.now = datetime(2026, 11, 27, 9, 45, tzinfo=UTC)
    assert window.check_daily_sync() is True  # the next day again
    qtbot.waitUntil(lambda: not page.controller.running, timeout=30000)
    box.enabled.setChecked(False)
    with qtbot.waitSignal(box.saved, timeout=5000):
        pass
    assert sync_service.status(device.profile).daily_time is None


def test_an_enrolled_profile_whose_first_sync_never_finished_fetches_its_accounts_at_start(
        qtbot, hub, tmp_path, tasks, ui_settings):
    """The wizard enrolled, but the first sync failed and the wizard was closed: the next start must not
    strand the officer at a login with no accounts; it fetches them first, then the hub's officer logs in."""
    home = tmp_path / "half-enrolled"
    sync_service.enroll(home, hub.url, hub.code(REGION, OFFICE), "双柏发改局")  # no sync: no users yet
    startup = Startup(home, tasks, ui_settings)
    startup.start()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog) and startup.dialog.isVisible()
                    and startup.profile is not None, timeout=30000)
    login = startup.dialog
    qtbot.addWidget(login)
    qtbot.waitUntil(login.login_button.isEnabled, timeout=10000)
    login.username.setText(OFFICER)
    login.password.setText(PASSWORD)
    with qtbot.waitSignal(startup.ready, timeout=10000) as ready:
        login.login_button.click()
    qtbot.addWidget(ready.args[0])
    assert ready.args[0].user_label.text().startswith("用户：杨喆")
    tasks.wait_idle()
    startup.close()


def test_records_set_aside_are_listed_with_their_reason_and_open_their_complaint(qtbot, make_device, open_window):
    from tests.ui.case_fixtures import receive_event

    device = make_device()
    complaint_id = register(device)
    receive_event(device.profile, complaint_id, "forward", {}, actor=device.officer.user_id)  # from a faulty PC
    window = open_window(device)
    page = window.sync
    assert page.set_aside_box.isVisible() and page.set_aside_box.title() == "隔离保存的记录（1）"
    row = page.set_aside.topLevelItem(0)
    case_no = device.status().quarantined[0].case_no
    assert [row.text(i) for i in range(4)][0:2] == [case_no, "转办"] and row.text(3) == "其他设备"
    assert row.text(4) == "本机未采用：“转办”记录的内容不符合要求（转办部门：此项为必填项）"
    with qtbot.waitSignal(page.open_complaint, timeout=5000) as opened:
        page.set_aside.itemActivated.emit(row, 0)
    assert opened.args == [complaint_id, case_no]


def test_the_proxy_is_set_on_the_sync_page_and_the_route_is_shown(qtbot, make_device, open_window, monkeypatch):
    import os

    from app.sync import proxies
    from tests.counting_proxy import CountingProxy

    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    monkeypatch.setattr(proxies, "read_registry", dict)
    device = make_device()
    window = open_window(device)
    page = window.sync
    assert page.route.text() == "直连" and page.proxy.edit.text() == "系统设置"
    with CountingProxy() as proxy:
        page.proxy.edit.setText("socks5://10.1.1.1:1080")  # refused in Chinese; the stored value stays
        with qtbot.waitSignal(page.controller.status_changed, timeout=10000, raising=False):
            page.proxy.save_button.click()
        qtbot.waitUntil(lambda: "同步代理设置无效" in page.proxy.note.text(), timeout=10000)
        assert device.status().proxy_setting == "system"
        page.proxy.edit.setText(proxy.url)
        page.proxy.save_button.click()
        qtbot.waitUntil(lambda: page.route.text() == f"经代理 {proxy.url}（本档案设置）", timeout=10000)
        assert page.proxy.note.text() == "已保存，下次同步起使用。"
        assert "同步完成" in sync_by_button(qtbot, window)
        assert proxy.requests["GET"] >= 2  # the sync went through the proxy the officer set
