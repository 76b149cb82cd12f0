"""The history view: a table of sessions (notes editable, delete after asking), the plots below
it, CSV export, and a friendly page when there is nothing yet.

The table shows first (it reads no step rows); the plots (and pyqtgraph with them) are built
just after the view first paints, the training log's only when its tab is first chosen.

    view = HistoryView(history, book)   # a tab or a window; refreshes itself on history changes
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.local_time import local
from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.first_paint import after_first_paint
from psoas_desktop.storage.history import History, HistoryError
from psoas_desktop.storage.records import SessionRow
from psoas_desktop.ui.session_table import COLUMNS, NOTES, SessionTable, sessions_view
from psoas_desktop.ui.widgets import plain_box

__all__ = ["COLUMNS", "NOTES", "HistoryView", "SessionTable"]  # the tests read the table here

if TYPE_CHECKING:
    from psoas_desktop.ui.history_plots import HistoryPlots
    from psoas_desktop.ui.log_plots import LogPlots

REFRESH_DELAY_MS = 300
EMPTY_TEXT = ("<h2>No sessions yet</h2><p>Every session you follow is recorded here as you go: "
              "what you did, for how long, and how your pain and stiffness changed.</p>"
              "<p>Start a routine, and your first session will show up here.</p>")


def _forget(history: History, listener: Callable[[None], None]) -> None:
    with suppress(ValueError):  # already gone
        history.changed.remove(listener)


class HistoryView(QWidget):
    def __init__(self, history: History, book: RoutineBook | None = None,
                 parent: QWidget | None = None, refresh_delay_ms: int = REFRESH_DELAY_MS
                 ) -> None:
        super().__init__(parent)
        self.history = history
        self.book = book
        self.plots: HistoryPlots | None = None
        self.log_plots: LogPlots | None = None
        self._stale = True
        self._plots_due = False
        self._rows: list[SessionRow] = []
        self.plot_tabs: QTabWidget | None = None
        self.setWindowTitle("History")

        self.model = SessionTable(history, self.show_error)
        self.table = sessions_view(self.model)

        self.export_button = QPushButton("Export CSV…")
        self.report_weeks = QSpinBox()
        self.report_weeks.setRange(1, 104)
        self.report_weeks.setValue(8)
        self.report_weeks.setSuffix(" weeks")
        self.report_weeks.setAccessibleName("Weeks in the report")
        self.report_button = QPushButton("Report (PDF)…")
        self.report_button.setToolTip("A one- or two-page report to take to a physiotherapist")
        self.delete_button = QPushButton("Delete session…")
        self.delete_button.setEnabled(False)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.report_weeks)
        bar.addWidget(self.report_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.delete_button)

        self.plot_area = QWidget()
        QVBoxLayout(self.plot_area).setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plot_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 600])
        self.table.setMinimumHeight(120)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(bar)
        content_layout.addWidget(splitter, 1)

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.export_button.clicked.connect(self.export_csv)
        self.report_button.clicked.connect(self.export_report)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # A session writes a row every few seconds: refresh once for a burst of them.
        self._refresh_soon = QTimer(self, singleShot=True, interval=refresh_delay_ms)
        self._refresh_soon.timeout.connect(self.refresh)
        history.changed.add(self._history_changed)
        self.destroyed.connect(lambda: _forget(history, self._history_changed))

    # --- hooks a test (or the window) can replace -------------------------------------------

    def confirm(self, question: str) -> bool:
        from psoas_desktop.ui.dialogs import ask

        return ask(self, "Delete session", question, yes="Delete", no="Keep it")

    def ask_export_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Export history", "psoas-history.csv",
                                              "CSV files (*.csv)")
        return Path(name) if name else None

    def show_error(self, message: str) -> None:
        plain_box(self, QMessageBox.Icon.Warning, "History", message).exec()

    def show_info(self, message: str) -> None:
        self.summary.setText(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc closes the view when it is a window of its own; a notes editor open in the
        # table takes its Esc first (to cancel the edit), so this never sees that one.
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    # --- showing -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()  # the table: no step rows, no pyqtgraph
        if self.plots is None and not self._plots_due:
            # The plots come once the table (or the empty page) has painted, from the event
            # loop's next turn: the sessions show without waiting for pyqtgraph.
            self._plots_due = True
            for page in (self.table.viewport(), self.empty):
                after_first_paint(page, self._build_plots)

    def _build_plots(self) -> None:
        """The visible tab's plots now; the training log's when its tab is first shown."""
        if self.plots is not None:
            return
        from psoas_desktop.ui.history_plots import HistoryPlots  # pyqtgraph loads here

        self.plots = HistoryPlots(self.history, self.book)
        self.plot_tabs = QTabWidget()
        self.plot_tabs.addTab(self.plots, "Sessions and targets")
        self.plot_tabs.addTab(QWidget(), "Training log")
        self.plot_tabs.currentChanged.connect(self._tab_shown)
        layout = self.plot_area.layout()
        assert layout is not None  # made with the area
        layout.addWidget(self.plot_tabs)
        if self._rows:
            self.plots.refresh(self._rows)

    def _tab_shown(self, index: int) -> None:
        tabs = self.plot_tabs
        if index != 1 or self.log_plots is not None or tabs is None:
            return
        from psoas_desktop.ui.log_plots import LogPlots

        self.log_plots = LogPlots()
        tabs.blockSignals(True)
        tabs.removeTab(1)
        tabs.insertTab(1, self.log_plots, "Training log")
        tabs.setCurrentIndex(1)
        tabs.blockSignals(False)
        if self._rows:
            self.log_plots.refresh(self._rows)

    def _history_changed(self, _: None = None) -> None:
        if self.isVisible():
            self._refresh_soon.start()
        else:
            self._stale = True  # refreshed when next shown

    def refresh(self) -> None:
        try:
            rows = self.history.sessions()
        except HistoryError as exc:
            rows = []
            self.empty.setText(f"<h2>The history cannot be read</h2><p>{escape(str(exc))}</p>")
        else:
            self.empty.setText(EMPTY_TEXT)
        self._stale = False
        self._rows = rows
        self.model.set_rows(rows)
        self.pages.setCurrentIndex(1 if rows else 0)
        minutes = sum(r.active_seconds for r in rows) / 60
        count = f"{len(rows)} session{'s' if len(rows) != 1 else ''}"
        summary = f"{count}, {minutes / 60:.1f} hours in all" if rows else ""
        bad = self.history.bad_rows
        if bad:  # every good row is shown; the damaged ones are named, never hidden
            shown = "; ".join(str(b) for b in bad[:3]) + ("; ..." if len(bad) > 3 else "")
            note = f"{len(bad)} damaged row{'s' if len(bad) != 1 else ''} left out ({shown})"
            summary = f"{summary}. {note}" if summary else note
        if self.history.problem:  # e.g. a full disk: say so where the missing rows would be
            summary = f"{summary}. {self.history.problem}" if summary else self.history.problem
        self.summary.setText(summary)
        self.summary.setWordWrap(True)
        if self.plots is not None and rows:
            self.plots.refresh(rows)
        if self.log_plots is not None and rows:
            self.log_plots.refresh(rows)
        self._selection_changed()

    # --- actions -----------------------------------------------------------------------------

    def selected(self) -> SessionRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.rows[chosen[0].row()] if chosen else None

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self.selected() is not None)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        when = local(row.started_at).strftime("%A %d %B %Y at %H:%M")
        if not self.confirm(f"Delete the {row.routine_name} session of {when}, with its steps "
                            "and log? This cannot be undone."):
            return
        try:
            self.history.delete_session(row.id)
        except HistoryError as exc:
            self.show_error(str(exc))

    def export_csv(self) -> None:
        path = self.ask_export_path()
        if path is None:
            return
        from psoas_desktop.storage.export import export_history

        try:
            # The file dialog has asked before replacing a file.
            rows, skipped = export_history(self.history, path, force=True)
        except (HistoryError, OSError) as exc:
            self.show_error(f"Could not export to {path}: {exc}")
            return
        damaged = f"; {len(skipped)} damaged rows left out" if skipped else ""
        self.show_info(f"Exported {rows} rows to {path}{damaged}.")

    def ask_report_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the report", "psoas-report.pdf",
                                              "PDF files (*.pdf)")
        return Path(name) if name else None

    def export_report(self) -> None:
        from psoas_desktop.report.cli import write_report

        path = self.ask_report_path()
        if path is None or self.book is None:
            return
        try:
            count = write_report(self.history, self.book, self.report_weeks.value(), path)
        except (HistoryError, OSError) as exc:
            self.show_error(f"Could not write the report: {exc}")
            return
        self.show_info(f"Wrote the report of {count} sessions to {path}.")
