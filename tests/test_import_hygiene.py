"""The core never imports Textual or Rich; headless commands do not either."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import marrowchat.core.engine, marrowchat.core.matcher, marrowchat.core.reasoner, marrowchat.core.report
import marrowchat.core.validation, marrowchat.core.replay, marrowchat.core.conversation, marrowchat.core.sessions
import marrowchat.core.evaluation, marrowchat.cli
bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'} or m.startswith('marrowchat.tui'))
print(','.join(bad))
"""


def test_core_and_cli_do_not_import_textual() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
