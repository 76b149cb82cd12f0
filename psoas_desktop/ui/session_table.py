"""The sessions table of the history view: one row per session, newest first; only the notes
are editable, and an edit is saved at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.local_time import local
from psoas_desktop.core.status_words import status_word
from psoas_desktop.storage.history import History, HistoryError
from psoas_desktop.storage.records import SessionRow

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Date", "Routine", "Length", "Plan done", "Pain before", "Pain after", "Stiffness",
           "Pain: kind, where, when", "Task", "Range of motion", "Status", "Notes")
NOTES = COLUMNS.index("Notes")
length_text = duration_text  # the one way lengths read (core/durations.py)


def rating_text(value: int | None) -> str:
    return "" if value is None else str(value)


class SessionTable(QAbstractTableModel):
    """Sessions, newest first; only the notes are editable, and an edit is saved at once."""

    def __init__(self, history: History, on_error: Callable[[str], None]) -> None:
        super().__init__()
        self._history = history
        self._on_error = on_error
        self.rows: list[SessionRow] = []
        # Each row's texts, made when first asked for: the view asks for a few rows many times
        # (painting, sizing columns), and ten years of rows need never be formatted at all.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[SessionRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._texts = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == NOTES else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            texts = self._texts.get(index.row())
            if texts is None:
                texts = self._texts[index.row()] = self._row_texts(row)
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTES and row.log.notes:
            return row.log.notes
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _row_texts(row: SessionRow) -> tuple[str, ...]:
        log = row.log
        return (
            local(row.started_at).strftime("%a %d %b %Y %H:%M"),
            row.routine_name,
            length_text(row.active_seconds),
            f"{round(row.done_fraction * 100)}%",
            rating_text(log.pain_before),
            rating_text(log.pain_after),
            rating_text(log.stiffness),
            log.details.pain_text(),
            log.details.task_text(),
            log.details.rom_text(),
            status_word(row.outcome),
            log.notes.replace("\n", " "),
        )

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NOTES:
            return False
        row = self.rows[index.row()]
        notes = str(value).strip()
        if notes == row.log.notes:
            return False
        try:
            self._history.set_notes(row.id, notes)
        except HistoryError as exc:
            self._on_error(str(exc))
            return False
        return True  # the history's change notice reloads the rows


def sessions_view(model: SessionTable) -> QTableView:
    """The table for `model`: one row selected at a time, notes edited in place."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(60)  # measure some rows, not ten years of them
    header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.Stretch)
    table.setAccessibleName("Sessions")
    return table
