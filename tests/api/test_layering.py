"""The API layer stands alone: importing it loads no Qt (DESIGN.md: api/ imports no Qt)."""

from __future__ import annotations

import subprocess
import sys


def test_api_and_desk_import_no_qt():
    code = (
        "import sys, b24desk.api, b24desk.api.client, b24desk.api.openlines, b24desk.api.crm, "
        "b24desk.api.users, b24desk.api.listing, b24desk.desk.desk, b24desk.portal; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qasync'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
