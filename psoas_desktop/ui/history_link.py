"""Ties the history to the main window: every session is recorded, the after-session log is
asked for, progression suggestions reach the start page, and storage trouble is shown."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from psoas_desktop.core.engine import Session
from psoas_desktop.core.routines import Routine, RoutineBook
from psoas_desktop.core.session_control import SessionEnd
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.storage.history import History, HistoryError, WallClock, utc_now
from psoas_desktop.storage.recorder import Recorder, Recording
from psoas_desktop.storage.suggestions import suggestions
from psoas_desktop.ui.main_window import MainWindow
from psoas_desktop.ui.today import (
    TODAY_LOOKBACK,
    mobility_routine,
    strength_routine,
    today_plan,
)
from psoas_desktop.ui.widgets import resize_to_fit

# Rows held in memory after a full disk or a lock are retried this often.
FLUSH_INTERVAL_MS = 30_000
ROM_EVERY = timedelta(days=6)  # "every week or so"


class HistoryLink(QObject):
    def __init__(self, window: MainWindow, history: History, book: RoutineBook,
                 wall_clock: WallClock = utc_now) -> None:
        super().__init__(window)
        self.window = window
        self.history = history
        self.book = book
        self.recorder = Recorder(history, wall_clock)
        self._wall_clock = wall_clock
        self.recording: Recording | None = None
        self.view: QWidget | None = None
        self.controller = window.controller
        self.storage_status = window.status_line.add_note("History status")
        history.problem_changed.add(self._show_problem)
        if history.problem:
            self._show_problem(history.problem)
        self._flusher = QTimer(self)
        self._flusher.setInterval(FLUSH_INTERVAL_MS)
        self._flusher.timeout.connect(self._flush)
        self._flusher.start()
        window.session_signals.created.connect(self._session_created)
        window.session_signals.ended.connect(self._session_ended)
        self.controller.routine_chosen.add(self.show_suggestions)
        window.historyRequested.connect(self.open_view)
        window.remindersRequested.connect(self.open_reminders)
        self.show_today(choose=True)  # the start page opens on today's suggestion
        self.show_suggestions()
        self.kept_box: QMessageBox | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.history.pending:
            self.history.flush()
            if self.history.pending:
                self.tell_kept()
        return False

    def tell_kept(self) -> None:
        """Say, as the window closes, that rows not yet written are kept for the next start.
        The box has no parent and does not block: the app quits once it is read, and a
        logout's SIGTERM still ends it at once."""
        text = (f"{self.history.pending} records of your sessions could not be written to the "
                f"history yet ({self.history.cause}). They are kept in a file beside it and "
                "written the next time Psoas Desktop starts.")
        box = QMessageBox(QMessageBox.Icon.Information, "History", text,
                          QMessageBox.StandardButton.Ok)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.kept_box = box

    def tell_notice(self) -> None:
        """Say once, without blocking, what the history had to do on opening (a damaged
        file moved aside: where it went)."""
        if self.history.notice:
            box = QMessageBox(QMessageBox.Icon.Warning, "History", self.history.notice,
                              QMessageBox.StandardButton.Ok, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()

    def _session_created(self, session: Session) -> None:
        routine = session.timeline.routine
        self.recording = self.recorder.attach(session, routine,
                                              pain_before=self.controller.pain_before,
                                              listen=self.controller.follow_session)

    def _session_ended(self, end: SessionEnd) -> None:
        """Asked once the engine has returned from the call that ended the session."""
        from psoas_desktop.ui.log_dialog import LogDialog

        if end.quitting:
            return  # the app quits on a signal: nobody is there to answer
        recording = self.recording
        if recording is not None:
            settings = self.window.settings
            answer = LogDialog.ask(self.window, recording.pain_before,
                                   settings.functional_task, self._rom_due())
            if answer is not None:
                recording.save_log(answer.pain_after, answer.stiffness, answer.notes,
                                   answer.details)
                if answer.details.task_value is not None and answer.task is not None:
                    settings.functional_task = answer.task  # chosen once, kept from then on
        self.show_today(choose=False)
        self.show_suggestions()

    def show_today(self, choose: bool) -> None:
        """Today's plan on the start page; with `choose`, its routine is picked as well."""
        try:
            plan = today_plan(self.book, self.history.sessions(limit=TODAY_LOOKBACK),
                              self.window.settings, self._wall_clock())
        except HistoryError:
            return
        if plan is None:
            return
        self.window.show_today(plan)
        if choose and plan.routine_id is not None:
            self.window.choose_routine(plan.routine_id)

    def _rom_due(self) -> bool:
        """The range of motion is asked for about once a week."""
        try:
            last = self.history.last_rom_at()
        except HistoryError:
            return False
        return last is None or self._wall_clock() - last >= ROM_EVERY

    def show_suggestions(self, *_: object) -> None:
        routine = self.controller.view().routine
        if routine is None:
            return
        found = suggestions(self.history, routine, self.controller.targets)
        self.window.set_suggestions({s.exercise_id: (s.target, s.reason) for s in found})

    def open_reminders(self) -> None:
        from psoas_desktop.ui.reminders_dialog import RemindersDialog

        try:
            recent = self.history.sessions(limit=TODAY_LOOKBACK)
        except HistoryError:
            recent = []
        strength = strength_routine(self.book, recent)
        if strength is None:
            return
        mobility = mobility_routine(self.book)
        rests = self.window.settings.rests

        def minutes(routine: Routine | None) -> int:
            if routine is None:
                return 0
            return round(build_timeline(routine, self.window.settings.targets(routine.id),
                                        rests).total_seconds / 60)

        dialog = RemindersDialog(strength, minutes(strength), mobility, minutes(mobility),
                                 self.window)
        dialog.open()

    def open_view(self) -> None:
        # pyqtgraph comes in with the view, the first time it is asked for.
        from PySide6.QtCore import QSize, Qt

        from psoas_desktop.ui.history_view import HistoryView

        if self.view is None:
            # The first open imports pyqtgraph and draws years of data: about a second or two.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.view = HistoryView(self.history, self.book)
                self.view.setWindowFlag(Qt.WindowType.Window)
                self.view.setWindowTitle("History — Psoas Desktop")
                resize_to_fit(self.view, QSize(1200, 800))
                self.view.show()
            finally:
                QApplication.restoreOverrideCursor()
        else:
            self.view.show()
        self.view.raise_()
        self.view.activateWindow()

    def _show_problem(self, message: str | None) -> None:
        self.storage_status.setText(message or "")
        self.storage_status.setVisible(bool(message))

    def _flush(self) -> None:
        if self.history.pending:
            self.history.flush()

    def close(self) -> None:
        self.window.removeEventFilter(self)
        self._flusher.stop()
        if self.view is not None:
            self.view.close()
        self.history.close()
