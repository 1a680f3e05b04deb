"""BENCHES ONLY: the tests' file keyring (``tests.sync_fixtures.FileKeyring``: same files, same format)
without importing the sync fixtures, which load pytest and the test factories (~80 ms a process).

``bench/bench_cli.py`` times whole processes: with the fixtures' class every call would pay for pytest,
which the product never imports. The product keeps data keys in the OS keyring, never in files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

KEYRING_FILE_ENV = "LVYUE_TEST_KEYRING_FILE"
DATA_KEY_FILE_ENV = "LVYUE_TEST_DATA_KEY_FILE"
DATA_KEY_SERVICE = "lvyue-data-key"


class FileKeyring(KeyringBackend):
    priority = 1

    def _path(self, service: str = "") -> Path:
        if service == DATA_KEY_SERVICE and os.environ.get(DATA_KEY_FILE_ENV):
            return Path(os.environ[DATA_KEY_FILE_ENV])
        return Path(os.environ[KEYRING_FILE_ENV])

    def _load(self, service: str = "") -> dict:
        path = self._path(service)
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def get_password(self, service, username):
        return self._load(service).get(f"{service}|{username}")

    def set_password(self, service, username, password):
        data = self._load(service)
        data[f"{service}|{username}"] = password
        self._write(service, data)

    def delete_password(self, service, username):
        data = self._load(service)
        data.pop(f"{service}|{username}", None)
        self._write(service, data)

    def _write(self, service: str, data: dict) -> None:  # atomic: another process may read it meanwhile
        path = self._path(service)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
