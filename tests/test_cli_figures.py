"""`psoas-desktop figures --out DIR`: a PNG per exercise, key pose and side, and a sheet."""

from __future__ import annotations

from PySide6.QtGui import QImage

from psoas_desktop.cli import main


def test_figures_writes_every_key_pose_on_both_sides(tmp_path, qapp, capsys) -> None:
    out = tmp_path / "figures"
    dirs = ["--config-dir", str(tmp_path / "c"), "--data-dir", str(tmp_path / "d")]
    assert main([*dirs, "figures", "--out", str(out)]) == 0
    names = {p.name for p in out.glob("*.png")}
    assert "side-lying-hip-ere-press-into-knee-left.png" in names
    assert "side-lying-hip-ere-press-into-knee-right.png" in names
    assert "glute-bridge-end.png" in names  # one side only: both legs work at once
    # 9 per-side exercises x their poses x 2 sides + 3 two-legged ones x 2 poses, + the sheet
    per_side = 2 * (2 * 8 + 4)  # ERE: start and three holds
    assert len(names) == per_side + 3 * 2 + 1
    sheet = QImage(str(out / "contact-sheet.png"))
    assert not sheet.isNull() and sheet.width() > 1000
    assert "figures written" in capsys.readouterr().out
