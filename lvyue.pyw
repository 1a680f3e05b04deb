"""Start the 履约 window without a console window (Windows): the target of a desktop shortcut.

Double-click this file, or make a shortcut to ``pythonw.exe "<folder>\\lvyue.pyw"`` (``pyw.exe`` works too),
with the folder as "起始位置". It runs ``main.py``: the first start still sets up ``.venv`` (its messages
go to ``.venv\\lvyue-start.log`` or the temporary folder, and errors to a message box); the window's own
options (``--demo``, ``--home``) may follow. For commands use ``python main.py`` in a console.
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.argv[0] = str(HERE / "main.py")
runpy.run_path(str(HERE / "main.py"), run_name="__main__")
