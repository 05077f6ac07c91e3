"""The parameter form of an operation, built from its declared schema: one editor per ``Param.type`` (paths with
a file picker, numbers with their bounds, choices in a list), advanced ones behind "More options", an error line
under each field. Texts the core declares (labels, help, choices) are shown through ``tr_core``.

Signals of ParamForm:
    changed(): a value was edited.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.api import Operation
from core.errors import AsyncopsError, ParamError
from desktop import i18n
from desktop.jobs import presentation as P

translate = QCoreApplication.translate
INT_LIMIT = 2_000_000_000


@dataclass
class Field:
    """One parameter's editor: the widget in the form, how to read and set it, and its error label."""

    param: Any  # core.operations.Param (the door does not re-export it)
    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    error: QLabel


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {P.PALETTES['red'].fg};")
    label.hide()
    return label


Editor = tuple[QWidget, Callable[[], Any], Callable[[Any], None]]


class DateTimeField(QWidget):
    """An optional date and time: a check box enables the editor (unchecked = not given)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self)
        self.edit = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(lambda *_: self.changed.emit())
        self.edit.dateTimeChanged.connect(lambda *_: self.changed.emit())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.enabled)
        lay.addWidget(self.edit, 1)

    def value(self) -> str:
        if not self.enabled.isChecked():
            return ""
        when: dt.datetime = self.edit.dateTime().toPython()  # type: ignore[assignment]
        return when.astimezone().isoformat()

    def set_value(self, v: Any) -> None:
        self.enabled.setChecked(bool(v))
        if v:
            local = dt.datetime.fromisoformat(str(v)).astimezone().replace(tzinfo=None)
            self.edit.setDateTime(QDateTime(local))  # type: ignore[call-overload]


class PathField(QWidget):
    """A path typed in a line, or chosen with the file dialog its type calls for (folder, file, any path)."""

    def __init__(self, param: Any, line: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param, self.line = param, line
        line.setParent(self)
        browse = QToolButton(self)
        browse.setObjectName(f"browse_{param.name}")
        browse.setText("…")
        browse.setToolTip(QCoreApplication.translate("ParamForm", "Choose with a file dialog"))
        browse.clicked.connect(self.pick)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(line, 1)
        lay.addWidget(browse)

    def pick(self) -> None:
        start, title = self.line.text() or "", i18n.tr_core(self.param.title)
        if self.param.type == "folder":
            chosen = QFileDialog.getExistingDirectory(self, title, start)
        elif self.param.type == "file":
            chosen, _ = QFileDialog.getOpenFileName(self, title, start)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, title, start, options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.line.setText(chosen)


class ListEdit(QWidget):
    """A list parameter as an editable list: one item a row (a path with a comma in it stays one item), typed
    in the line below and added with Enter or +, edited in place with a double click, removed with −."""

    changed = Signal()

    def __init__(self, param: Any, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"list_{param.name}")
        self.view = QListWidget(self)
        self.view.setObjectName("listItems")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setFixedHeight(self.view.fontMetrics().height() * 4 + 14)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("listEntry")
        self.entry.setClearButtonEnabled(True)
        self.entry.setPlaceholderText(placeholder or translate("ParamForm", "Type an item and press Enter"))
        add = QToolButton(self)
        add.setObjectName("listAdd")
        add.setText("+")
        add.setToolTip(translate("ParamForm", "Add the item typed (Enter)"))
        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName("listRemove")
        self.remove_button.setText("−")
        self.remove_button.setToolTip(translate("ParamForm", "Remove the selected items (Delete)"))
        self.entry.returnPressed.connect(self.add_typed)
        add.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        model = self.view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(lambda *_: self.changed.emit())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.entry, 1)
        row.addWidget(add)
        row.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.view)
        lay.addLayout(row)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete and self.view.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def items(self) -> list[str]:
        texts = (self.view.item(i).text().strip() for i in range(self.view.count()))
        return [t for t in texts if t]

    def add_items(self, items: list[str]) -> None:
        have = self.items()
        for item in items:
            if item and item not in have:
                self._append(item)
                have.append(item)

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.view.addItem(item)

    def add_typed(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.add_items([text])
            self.entry.clear()

    def remove_selected(self) -> None:
        for item in self.view.selectedItems():
            self.view.takeItem(self.view.row(item))

    def set_items(self, value: Any) -> None:
        """A list, a JSON array, or text with commas (what a saved profile or a test hands over)."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    value = json.loads(text)
                except ValueError:
                    value = [text]
            else:
                value = [x.strip() for x in text.split(",") if x.strip()]
        self.view.clear()
        for item in value or ():
            self._append(str(item))

    def value(self) -> list[str] | str:
        """The items, or "" (not given) when there are none."""
        return self.items() or ""


class LibraryPathField(QWidget):
    """A path inside the chosen library: typed relative to its root, or picked with a file dialog that opens at
    the root (what is picked outside the library is refused with a sentence). A list takes several."""

    def __init__(
        self,
        param: Any,
        line: QLineEdit | ListEdit,
        root_of: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.param, self.line, self.root_of = param, line, root_of
        line.setParent(self)
        self.browse = QToolButton(self)
        self.browse.setObjectName(f"pick_in_library_{param.name}")  # not a local file system picker
        self.browse.setText("…")
        self.browse.setToolTip(translate("ParamForm", "Choose in the library"))
        self.note = QLabel(self)
        self.note.setObjectName("pickNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {P.PALETTES['red'].fg};")
        self.note.hide()
        if param.type == "list":
            menu = QMenu(self.browse)
            menu.addAction(translate("ParamForm", "Add files…"), lambda: self.pick("files"))
            menu.addAction(translate("ParamForm", "Add a folder…"), lambda: self.pick("folder"))
            self.browse.setMenu(menu)
            self.browse.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        else:
            self.browse.clicked.connect(lambda: self.pick("folder" if param.type == "folder" else "file"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(line, 1)
        row.addWidget(self.browse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.note)

    def relative(self, root: str, chosen: str) -> str | None:
        """``chosen`` relative to the library root (``/`` separated), or None when it is outside."""
        try:
            rel = Path(chosen).resolve().relative_to(Path(root).resolve())
        except ValueError:
            return None
        return rel.as_posix() if str(rel) != "." else ""

    def pick(self, kind: str) -> None:
        root = self.root_of()
        self.note.hide()
        if not root:
            self.note.setText(translate("ParamForm", "Choose the library first: the picker opens in its folder."))
            self.note.show()
            return
        title = i18n.tr_core(self.param.title)
        if kind == "folder":
            chosen = [QFileDialog.getExistingDirectory(self, title, root)]
        elif kind == "files":
            chosen, _ = QFileDialog.getOpenFileNames(self, title, root)
        else:
            one, _ = QFileDialog.getOpenFileName(self, title, root)
            chosen = [one]
        chosen = [c for c in chosen if c]
        if not chosen:
            return
        rel = [self.relative(root, c) for c in chosen]
        if any(r is None for r in rel):
            self.note.setText(
                translate("ParamForm", "Only what is inside the library can be chosen (%1).").replace("%1", root)
            )
            self.note.show()
            return
        picked = [r for r in rel if r is not None]
        if isinstance(self.line, ListEdit):
            self.line.add_items(picked)
        else:
            self.line.setText(picked[0])


class LibraryCombo(QComboBox):
    """The library by name: the known libraries to choose from (a name can still be typed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(translate("ParamForm", "Choose a library"))
        self.roots: dict[str, str] = {}

    def set_libraries(self, libraries: list[tuple[str, str]]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.roots = dict(libraries)
        for name, root in libraries:
            self.addItem(name, name)
            self.setItemData(self.count() - 1, root, Qt.ItemDataRole.ToolTipRole)
        self.setEditText(text if text or len(libraries) != 1 else libraries[0][0])  # the only one is the one
        self.blockSignals(False)  # not an edit of the person's: the form is re-checked, nothing marked red
        if not libraries and self.lineEdit() is not None:
            self.lineEdit().setPlaceholderText(  # type: ignore[union-attr]
                translate("ParamForm", "No library yet: add one with “asyncops library add FOLDER”")
            )

    def root(self) -> str | None:
        return self.roots.get(self.currentText().strip())


def make_editor(
    param: Any, parent: QWidget, changed: Callable[[], None], root_of: Callable[[], str | None] | None = None
) -> Editor:
    """The editor of one declared parameter: (widget, getter, setter). The getter returns what validate()
    accepts: text for free fields (empty = not given), typed values for spin boxes and check boxes."""
    t = param.type
    tip = i18n.tr_core(param.help or "")
    if param.name == "library" and t == "str":
        lib = LibraryCombo(parent)
        lib.editTextChanged.connect(changed)
        lib.setToolTip(translate("ParamForm", "The library the operation works in"))
        return lib, lambda: lib.currentText().strip(), lambda v: lib.setEditText("" if v is None else str(v))
    if t == "bool":
        box = QCheckBox(parent)
        box.setChecked(bool(param.default))
        box.toggled.connect(changed)
        box.setToolTip(tip)
        return box, box.isChecked, lambda v: box.setChecked(bool(v))
    if t == "choice":
        combo = QComboBox(parent)
        if not param.required:
            combo.addItem("—", None)
        for c in param.choices:
            combo.addItem(i18n.tr_core(str(c)), c)
        if param.default is not None:
            combo.setCurrentIndex(max(0, combo.findData(param.default)))
        combo.currentIndexChanged.connect(changed)
        combo.setToolTip(tip)
        return combo, combo.currentData, lambda v: combo.setCurrentIndex(max(0, combo.findData(v)))
    if t in ("int", "float") and param.default is not None:
        if t == "int":
            spin: QSpinBox | QDoubleSpinBox = QSpinBox(parent)
            spin.setRange(
                int(param.minimum if param.minimum is not None else -INT_LIMIT),
                int(param.maximum if param.maximum is not None else INT_LIMIT),
            )
        else:
            spin = QDoubleSpinBox(parent)
            spin.setDecimals(3)
            spin.setRange(
                param.minimum if param.minimum is not None else -1e12,
                param.maximum if param.maximum is not None else 1e12,
            )
        spin.setValue(param.default)
        spin.setAccelerated(True)
        spin.valueChanged.connect(changed)
        spin.setToolTip(tip)
        return spin, spin.value, lambda v: spin.setValue(v)
    if t in ("text", "json", "dict"):
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().height() * 4 + 12)
        edit.setPlaceholderText(tip)
        if param.default is not None:
            edit.setPlainText(param.default if isinstance(param.default, str) else json.dumps(param.default))
        edit.textChanged.connect(changed)
        edit.setToolTip(tip)
        return (
            edit,
            lambda: edit.toPlainText().strip(),
            lambda v: edit.setPlainText(v if isinstance(v, str) else json.dumps(v)),
        )
    if t == "datetime":
        dt_field = DateTimeField(parent)
        dt_field.changed.connect(changed)
        dt_field.setToolTip(tip)
        return dt_field, dt_field.value, dt_field.set_value
    if t == "list" and not getattr(param, "json_only", False):  # one item a row (argv stays a JSON line)
        items = ListEdit(param, getattr(param, "example", ""), parent)
        items.set_items(param.default or [])
        items.changed.connect(changed)
        items.setToolTip(tip)
        if param.relative and root_of is not None:
            return LibraryPathField(param, items, root_of, parent), items.value, items.set_items
        return items, items.value, items.set_items
    # one-line text: str, a JSON list, path/folder/file, and numbers without a default (empty = not given)
    line = QLineEdit(parent)
    line.setClearButtonEnabled(True)
    if param.default is not None:
        line.setText(", ".join(param.default) if isinstance(param.default, (list, tuple)) else str(param.default))
    # the placeholder shows the form the help asks for: the parameter's example, a JSON array when only JSON goes
    placeholder = getattr(param, "example", "") or {
        "list": '["a", "b"]' if getattr(param, "json_only", False) else translate("ParamForm", "a, b, c"),
        "int": "0",
        "float": "0.0",
    }.get(t, "")
    line.setPlaceholderText(placeholder or (tip if len(tip) < 60 else ""))
    if t == "int":
        line.setValidator(QIntValidator(line))
    elif t == "float":
        line.setValidator(QDoubleValidator(line))
    line.textChanged.connect(changed)
    line.setToolTip(tip)
    if t in ("path", "folder", "file") and not param.relative:
        path_field = PathField(param, line, parent)
        return path_field, line.text, lambda v: line.setText("" if v is None else str(v))
    if param.relative and t in ("path", "folder", "file") and root_of is not None:
        lib_field = LibraryPathField(param, line, root_of, parent)
        return lib_field, line.text, lambda v: line.setText("" if v is None else str(v))
    if t == "list":
        return line, line.text, lambda v: line.setText(", ".join(v) if isinstance(v, (list, tuple)) else str(v or ""))
    return line, line.text, lambda v: line.setText("" if v is None else str(v))


class ParamForm(QWidget):
    """The form of one operation's parameters; advanced ones behind "More options"."""

    changed = Signal()

    def __init__(self, op: Operation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op = op
        self.fields: dict[str, Field] = {}
        main = QFormLayout()
        main.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        advanced = QFormLayout()
        advanced.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for p in op.params:
            widget, get, set_ = make_editor(p, self, lambda *_: self.changed.emit(), self.library_root)
            widget.setObjectName(f"param_{p.name}")
            error = error_label(self)
            cell = QWidget(self)
            # never squeezed below what it needs when an error line appears under the field
            cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            v = QVBoxLayout(cell)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            v.addWidget(widget)
            if p.help and p.type not in ("text", "json", "dict") and not isinstance(widget, LibraryCombo):
                hint = QLabel(i18n.tr_core(p.help), cell)
                hint.setWordWrap(True)
                hint.setTextFormat(Qt.TextFormat.PlainText)  # the core's text as written, never read as markup
                hint.setObjectName("fieldHelp")
                hint.setStyleSheet("color: palette(placeholder-text); font-size: 90%;")
                v.addWidget(hint)
            v.addWidget(error)
            title = i18n.tr_core(p.title) + (" *" if p.required else "")
            (advanced if p.advanced else main).addRow(title, cell)
            self.fields[p.name] = Field(p, widget, get, set_, error)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(main)
        self.more: QGroupBox | None = None
        if advanced.rowCount():
            self.more_button = QToolButton(self)
            self.more_button.setObjectName("moreOptions")
            self.more_button.setText(self.tr("More options"))
            self.more_button.setCheckable(True)
            self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.more_button.setArrowType(Qt.ArrowType.RightArrow)
            self.more_button.setAutoRaise(True)
            self.more = QGroupBox(self)
            self.more.setLayout(advanced)
            self.more.hide()
            self.more_button.toggled.connect(self._toggle_more)
            lay.addWidget(self.more_button)
            lay.addWidget(self.more)

    def library_root(self) -> str | None:
        """The root folder of the library chosen in this form (pickers open there)."""
        f = self.fields.get("library")
        return f.widget.root() if f is not None and isinstance(f.widget, LibraryCombo) else None

    def set_libraries(self, libraries: list[tuple[str, str]]) -> None:
        f = self.fields.get("library")
        if f is not None and isinstance(f.widget, LibraryCombo):
            f.widget.set_libraries(libraries)

    def _toggle_more(self, on: bool) -> None:
        assert self.more is not None
        self.more.setVisible(on)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def raw_values(self) -> dict[str, Any]:
        """What the user entered, for ``op.validate``: empty fields are left out (defaults apply)."""
        out = {}
        for name, f in self.fields.items():
            v = f.get()
            if v is None or v == "":
                continue
            out[name] = v
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        for name, v in values.items():
            if name in self.fields:
                self.fields[name].set(v)

    def values_for_restore(self) -> dict[str, Any]:
        return {name: f.get() for name, f in self.fields.items()}

    def show_error(self, name: str | None, message: str) -> bool:
        """Show ``message`` under the field ``name``; False when no such field (the caller shows it elsewhere)."""
        f = self.fields.get(name or "")
        if f is None:
            return False
        f.error.setText(message)
        f.error.show()
        # QFormLayout does not recompute a row whose height-for-width child (the wrapped message) appears:
        # pin the cell to what it now needs, so the field above the message is not squeezed
        cell = f.error.parentWidget()
        layout = cell.layout() if cell is not None else None
        if cell is not None and layout is not None:
            cell.setMinimumHeight(layout.heightForWidth(max(cell.width(), 200)))
        if f.param.advanced and self.more is not None and not self.more.isVisible():
            self.more_button.setChecked(True)
        return True

    def clear_errors(self) -> None:
        for f in self.fields.values():
            f.error.clear()
            f.error.hide()
            cell = f.error.parentWidget()
            if cell is not None:
                cell.setMinimumHeight(0)

    def errors(self) -> dict[str, str]:
        return {n: f.error.text() for n, f in self.fields.items() if f.error.isVisible() and f.error.text()}


def sentence(text: str) -> str:
    """A core message as a sentence of its own: capital first letter, final full stop."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def field_error(exc: BaseException) -> tuple[str | None, str]:
    """Which field an error is about (``exc.field``; a ParamError's ``param``) and what to say under it, in the
    window's language: a ParamError's detail alone (the field names the parameter), else the whole message."""
    if isinstance(exc, ParamError):
        return exc.param, i18n.tr_message(exc.detail_message)
    if isinstance(exc, AsyncopsError):
        return exc.field, i18n.tr_message(exc.message)
    return None, P.error_text(exc)
