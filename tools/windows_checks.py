"""What a county's Windows PC does to the CLI, run as a user would (issue 16 item 8).

A profile in a folder named like the ones officers make (spaces, Chinese, ``#``, ``%41``, ``&``, ``;``), data
with 𠮷 (outside the BMP, not in GBK) and Yi ꆈ, an input file saved as UTF-8 and one saved as "ANSI"
(GB18030), output as UTF-8 JSON and as GBK for ``type`` / PowerShell captures, a backup into and a restore
from a ``#`` folder, a document issued into it, personal data revealed through the keyring's data key, and
(on Windows, when asked) a scheduled task installed, run and removed.

    python tools/windows_checks.py                      # this checkout: python main.py (no bootstrap)
    python tools/windows_checks.py --exe "C:\\…\\lvyue-cli.exe"   # the installed bundle
    python tools/windows_checks.py --schedule           # also schtasks (Windows only)

The GitHub workflow runs it under ``chcp 936`` with Windows Credential Manager; ``.ci/windows-sim`` runs it
on Linux with the tests' file keyring. Exit code 0 when every check passed, else 1 with each failure named.
Standard library only: it must run beside an installed bundle with nothing else installed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "履约 测试 #1 %41 &;x"
ADMIN_PW = "Admin#2026pw"
OFFICER_PW = "Officer#2026pw"
RARE = "王𠮷ꆈ"  # 𠮷 U+20BB7 (GB18030 four-byte, not in GBK), ꆈ Yi U+A188
CREDIT_CODE = "91532322692TP8ALPC"  # valid check digit (GB 32100-2015)


def intake(contact: str, complainant: str) -> dict:
    return {
        "complainant": {"name": complainant, "credit_code": CREDIT_CODE, "legal_representative": "李明",
                        "contact_person": contact, "phone": "13887012345",
                        "address": "云南省楚雄州双柏县妥甸镇团结路8号"},
        "respondent": {"name": "双柏县农业农村局", "kind": "organ", "region_code": "532322",
                       "competent_department": "双柏县人民政府"},
        "channel": "hotline_12345", "sector": "industrial_support", "breach_kind": "policy_unfulfilled",
        "agreement": {"title": "高原特色农业产业扶持协议", "number": "SBN-2024-017", "signed_on": "2024-03-18",
                      "amount": "1200000.00"},
        "claim": {"amount": "300000", "text": "请求按协议兑现产业扶持资金30万元。"},
        "description": "项目已于2024年12月验收合格，至今未兑现扶持资金。",
    }


class Checks:
    def __init__(self, command: list[str], work: Path, env: dict[str, str]) -> None:
        self.command, self.work, self.env = command, work, env
        self.home = work / HOSTILE / "档案 #1"
        self.failures: list[str] = []
        self.passed = 0

    def run(self, *args: str, password: str | None = None, new_password: str | None = None,
            encoding: str = "utf-8", timeout: float = 300) -> tuple[int, str, str]:
        env = dict(self.env)
        env.pop("LVYUE_PASSWORD", None)
        if password:
            env["LVYUE_PASSWORD"] = password
        if new_password:
            env["LVYUE_NEW_PASSWORD"] = new_password
        done = subprocess.run([*self.command, "--home", str(self.home), *args], capture_output=True, env=env,
                              stdin=subprocess.DEVNULL, timeout=timeout, cwd=str(self.work))
        return done.returncode, done.stdout.decode(encoding, "replace"), done.stderr.decode(encoding, "replace")

    def check(self, what: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failures.append(what)
            print(f"  FAIL  {what}\n        {detail.strip()[:1500]}")
        return ok

    def step(self, what: str, *args: str, expect: int = 0, **kw) -> tuple[int, str, str]:
        code, out, err = self.run(*args, **kw)
        self.check(f"{what} (exit {code})", code == expect, f"expected exit {expect}; stderr: {err}\nstdout: {out}")
        return code, out, err

    # ---- the checks ---------------------------------------------------------------------------------------

    def profile(self) -> None:
        self.step("init: a profile in a folder with spaces, Chinese, #, %41, &, ;", "init", "--region", "532322",
                  "--office", "双柏县发展和改革局", "--admin", "admin", "--admin-name", "张三", password=ADMIN_PW)
        self.check("the profile's database is inside that folder", (self.home / "lvyue.sqlite").is_file())
        self.step("user add", "user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader",
                  "--user", "admin", password=ADMIN_PW, new_password=OFFICER_PW)
        self.step("document settings (the office's contact, which a receipt must state)", "document", "settings",
                  "--set", "contact_person=王颖", "--set", "contact_phone=0878-7721234", "--user", "admin",
                  password=ADMIN_PW)

    def inputs(self) -> list[str]:
        files = self.work / HOSTILE / "输入 #文件"
        files.mkdir(parents=True, exist_ok=True)
        utf8 = files / "投诉 UTF-8.json"
        utf8.write_text(json.dumps(intake(RARE, "双柏县绿源农业科技有限公司"), ensure_ascii=False), encoding="utf-8")
        ansi = files / "投诉 ANSI.json"  # what Notepad on Chinese Windows saves as "ANSI"
        ansi.write_bytes(json.dumps(intake("李ꆈ", "双柏县彝绣文化有限公司"), ensure_ascii=False).encode("gb18030"))
        cases = []
        for label, path, note in (("UTF-8", utf8, False), ("GB18030 (ANSI)", ansi, True)):
            code, out, err = self.step(f"complaint add from a {label} file", "complaint", "add", "--file", str(path),
                                       "--user", "yang", "--json", password=OFFICER_PW)
            if code == 0:
                cases.append(json.loads(out)["case_no"])
            self.check(f"{label}: {'a note says it was read as GB18030' if note else 'no encoding note'}",
                       ("GB18030" in err) == note, err)
        return cases

    def outputs(self, cases: list[str]) -> None:
        code, out, err = self.step("complaint list --json (UTF-8 output)", "complaint", "list", "--json",
                                   "--user", "yang", password=OFFICER_PW)
        if code == 0:
            listed = {row["case_no"] for row in json.loads(out)["rows"]} if out.strip() else set()
            self.check("both complaints listed", set(cases) <= listed, out)
        if not cases:
            return
        code, out, err = self.step("complaint show --reveal (the data key from the keyring)", "complaint", "show",
                                   cases[0], "--reveal", "--user", "yang", password=OFFICER_PW)
        self.check("𠮷 and ꆈ come back exactly in UTF-8", RARE in out, out)
        self.check("the phone number is revealed (decrypted with the keyring's key)", "138 8701 2345" in out, out)
        code, out, err = self.step("complaint show --encoding gbk", "complaint", "show", cases[0], "--reveal",
                                   "--encoding", "gbk", "--user", "yang", password=OFFICER_PW, encoding="gbk")
        self.check("GBK output: 𠮷 written as ? and the rest readable", "王?ꆈ" not in out and "王?" in out
                   and "双柏县绿源农业科技有限公司" in out, out)
        self.check("GBK output: one note about the characters GBK lacks", err.count("?") >= 1, err)
        code, out, err = self.step("complaint show --encoding gb18030 (every character)", "complaint", "show",
                                   cases[0], "--reveal", "--encoding", "gb18030", "--user", "yang",
                                   password=OFFICER_PW, encoding="gb18030")
        self.check("GB18030 output keeps 𠮷 and ꆈ", RARE in out, out)

    def files(self, cases: list[str]) -> None:
        backups = self.work / HOSTILE / "U盘" / "备份#1 %41"
        code, out, err = self.step("backup into a # folder", "backup", "-o", str(backups) + os.sep, "--user", "admin",
                                   password=ADMIN_PW)
        made = sorted(backups.glob("*.sqlite")) if backups.is_dir() else []
        self.check("the backup file is there and not empty", bool(made) and made[-1].stat().st_size > 4096,
                   f"{list(backups.iterdir()) if backups.is_dir() else 'no folder'}")
        self.check("no stray file named after the part before #", not (backups.parent / "备份").exists())
        if made:
            self.step("restore from the # folder", "restore", str(made[-1]), "--user", "admin", password=ADMIN_PW)
            code, out, err = self.run("complaint", "list", "--json", "--user", "yang", password=OFFICER_PW)
            listed = {row["case_no"] for row in json.loads(out)["rows"]} if code == 0 and out.strip() else set()
            self.check("after the restore both complaints are there", set(cases) <= listed, err + out)
        if cases:
            pdf = self.work / HOSTILE / "文书 #1" / "受理回执 %41 &;x.pdf"
            pdf.parent.mkdir(parents=True, exist_ok=True)
            self.step("document issue into a # folder", "document", "issue", cases[0], "receipt", "-o", str(pdf),
                      "--user", "yang", password=OFFICER_PW)
            self.check("the PDF is written", pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-")

    def schedule(self) -> None:
        import xml.etree.ElementTree as ElementTree

        code, out, err = self.step("schedule show --xml", "schedule", "show", "--xml", "--json")
        exec_ = None
        if code == 0:
            task = ElementTree.fromstring(json.loads(out)["xml"])
            ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
            exec_ = task.find("t:Actions/t:Exec", ns)
            arguments = exec_.findtext("t:Arguments", "", ns) if exec_ is not None else ""
            self.check("the task runs `sync` of this profile, its folder quoted",
                       " sync " in f" {arguments} " and f'"{self.home}"' in arguments, arguments)
            self.check("the task runs only while the user is logged on (Credential Manager needs the session)",
                       task.findtext("t:Principals/t:Principal/t:LogonType", "", ns) == "InteractiveToken", out)
        log = self.home / "logs" / "lvyue.log"
        if os.name != "nt":  # what the task would run, run here: its result is in the profile's log
            code, out, err = self.run("sync")
            self.check("sync of a profile not joined to a hub: a Chinese refusal, exit 1", code == 1
                       and "Traceback" not in err and "程序内部错误" not in err, err)
            text = log.read_text("utf-8", "replace") if log.is_file() else ""
            started = [line for line in text.splitlines() if "命令开始：" in line and " sync" in f" {line.split('：', 1)[1]}"]
            self.check("the run is in <profile>/logs/lvyue.log", bool(started) and "命令结束：退出码 1" in text,
                       text[-2000:])
            return
        self.step("schedule install", "schedule", "install", "--time", "23:59")
        code, out, err = self.step("schedule show --json", "schedule", "show", "--json")
        shown = json.loads(out) if code == 0 else {}
        self.check("the task is installed", shown.get("installed") is True, out)
        name = shown.get("task", "")
        ran = subprocess.run(["schtasks", "/Run", "/TN", name], capture_output=True)
        self.check("schtasks /Run starts it", ran.returncode == 0, ran.stderr.decode("mbcs", "replace"))
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and "命令结束" not in (log.read_text("utf-8", "replace")
                                                              if log.is_file() else ""):
            time.sleep(2)
        text = log.read_text("utf-8", "replace") if log.is_file() else ""
        self.check("the task's run is in the profile's log", "命令开始：sync --home" in text and "命令结束" in text,
                   text[-2000:])
        code, out, err = self.run("schedule", "show", "--json")
        shown = json.loads(out) if code == 0 else {}
        self.check("schedule show reports the last result", shown.get("last_result") not in (None, ""), out)
        self.step("schedule remove", "schedule", "remove")
        code, out, err = self.run("schedule", "show", "--json")
        self.check("the task is gone", code == 0 and json.loads(out).get("installed") is False, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", help="lvyue-cli.exe of an installed bundle (default: python main.py here)")
    parser.add_argument("--work", help="folder to work in (default: a new temporary folder, removed after)")
    parser.add_argument("--schedule", action="store_true", help="also install, run and remove a scheduled task")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a GBK console must not stop the checker itself
        stream.reconfigure(errors="backslashreplace")
    env = dict(os.environ)
    if args.exe:
        command = [args.exe]
    else:
        command = [sys.executable, str(ROOT / "main.py")]
        env["LVYUE_NO_BOOTSTRAP"] = "1"
    env.pop("LVYUE_ENCODING", None)
    env.pop("PYTHONIOENCODING", None)  # what a console gives the program, not what a test harness forces
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="lvyue-win-"))
    work.mkdir(parents=True, exist_ok=True)
    checks = Checks(command, work.resolve(), env)
    print(f"Lvyue Windows checks: {' '.join(command)} in {checks.home}")
    try:
        checks.profile()
        cases = checks.inputs()
        checks.outputs(cases)
        checks.files(cases)
        if args.schedule or os.name != "nt":
            checks.schedule()
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{checks.passed} passed, {len(checks.failures)} failed")
    for failure in checks.failures:
        print(f"  failed: {failure}")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
