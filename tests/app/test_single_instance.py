"""A second start finds the first and asks it to come forward."""

from __future__ import annotations

import signal
import subprocess
import sys

from psoas_desktop.single_instance import claim, server_name


def test_second_claim_raises_the_first(qtbot, tmp_path) -> None:
    first = claim(tmp_path)
    assert first is not None and first.listening
    try:
        with qtbot.waitSignal(first.raiseRequested, timeout=3000):
            assert claim(tmp_path) is None
    finally:
        first.close()


def test_other_data_dirs_do_not_collide(qapp, tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert server_name(a) != server_name(b)
    first = claim(a)
    second = claim(b)
    try:
        assert first is not None and second is not None
    finally:
        first.close()
        second.close()


def test_a_socket_left_by_a_killed_app_does_not_block(qapp, tmp_path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtNetwork import QLocalServer\n"
        "app = QCoreApplication([])\n"
        "server = QLocalServer()\n"
        "assert server.listen(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "app.exec()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, server_name(tmp_path)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
    again = claim(tmp_path)
    try:
        assert again is not None and again.listening
    finally:
        again.close()


def test_a_claim_that_waits_to_listen_answers_once_it_listens(qtbot, tmp_path) -> None:
    first = claim(tmp_path, listen=False)
    assert first is not None and not first.listening
    try:
        assert claim(tmp_path) is None  # the lock is held: no second app, nobody to knock on
        assert first.listen() and first.listening
        with qtbot.waitSignal(first.raiseRequested, timeout=3000):
            assert claim(tmp_path) is None
    finally:
        first.close()


def test_claiming_without_listening_leaves_qtnetwork_unloaded(tmp_path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from psoas_desktop.single_instance import claim\n"
        "instance = claim(Path(sys.argv[1]), listen=False)\n"
        "assert instance is not None\n"
        "print('PySide6.QtNetwork' in sys.modules, 'hashlib' in sys.modules)\n"
        "instance.listen()\n"
        "print('PySide6.QtNetwork' in sys.modules)\n"
        "instance.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.split() == ["False", "False", "True"]
