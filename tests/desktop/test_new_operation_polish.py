"""New operation for people, not developers: the library is chosen among the known ones, library paths have a
picker that opens in the library, and internal operations (restore) are not offered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QToolButton

from desktop.launch.param_form import LibraryCombo, LibraryPathField


def test_library_combo_and_pickers_rooted_at_the_library(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from core.library.libraries import add_library

    root = tmp_path / "brand"
    (root / "campaigns" / "2025").mkdir(parents=True)
    (root / "campaigns" / "2025" / "a.jpg").write_bytes(b"x")
    (tmp_path / "photos").mkdir()
    add_library(window.ctx.tracker.db, root, "brand")
    add_library(window.ctx.tracker.db, tmp_path / "photos", "photos")

    dlg = window.new_operation("delete")
    names = [dlg.operation.itemData(i) for i in range(dlg.operation.count())]
    assert "restore" not in names and "delete" in names  # restore is launched by Undo, never by hand

    combo = dlg.form.fields["library"].widget
    assert isinstance(combo, LibraryCombo)
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=5000)
    assert [combo.itemText(i) for i in range(combo.count())] == ["brand", "photos"]
    helps = [h.text() for h in dlg.form.findChildren(QLabel, "fieldHelp")]
    assert helps and not any("asyncops library list" in h for h in helps)  # no developer's hint under it

    paths = dlg.form.fields["paths"].widget
    assert isinstance(paths, LibraryPathField)
    # before a library is chosen the picker says what to do
    combo.setEditText("")
    paths.pick("files")
    assert paths.note.isVisibleTo(dlg) and "library first" in paths.note.text()

    combo.setCurrentIndex(0)
    opened: list[str] = []

    def pick_files(parent: Any, title: str, start: str) -> tuple[list[str], str]:
        opened.append(start)
        return [str(root / "campaigns" / "2025" / "a.jpg")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick_files))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda p, t, s: str(root / "campaigns")))
    paths.pick("files")
    paths.pick("folder")
    assert opened == [str(root)]  # the picker opens in the library
    assert dlg.form.fields["paths"].get() == ["campaigns/2025/a.jpg", "campaigns"]
    assert isinstance(paths.browse, QToolButton) and paths.browse.menu() is not None  # files or a folder

    # something outside the library is refused with a sentence
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda p, t, s: str(tmp_path / "photos")))
    paths.pick("folder")
    assert "inside the library" in paths.note.text()
    assert dlg.form.fields["paths"].get() == ["campaigns/2025/a.jpg", "campaigns"]
    dlg.reject()


def test_the_only_library_is_chosen_without_marking_the_form_red(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from core.library.libraries import add_library

    (tmp_path / "only").mkdir()
    add_library(window.ctx.tracker.db, tmp_path / "only", "only")
    dlg = window.new_operation("delete")
    combo = dlg.form.fields["library"].widget
    qtbot.waitUntil(lambda: combo.currentText() == "only", timeout=5000)
    # the form was checked again with the library filled in
    qtbot.waitUntil(lambda: dlg.last_check is not None and dlg.last_check.raw.get("library") == "only", timeout=5000)
    assert dlg.form.errors() == {}  # nothing red before the person typed anything
    assert "Fill in the parameters" in dlg.plan_label.text()
    dlg.reject()


def test_placeholders_agree_with_the_help(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    dlg = window.new_operation("command")
    argv = dlg.form.fields["argv"].widget
    assert isinstance(argv, QLineEdit)
    assert argv.placeholderText() == '["sh","-c","echo hi"]'  # a JSON array, as its help says (not "a, b, c")
    dlg.reject()


def test_lists_are_edited_one_item_a_row(qtbot: Any, window: Any) -> None:
    """A list parameter is an editable list: a path with a comma stays one item, Enter adds, − removes, and
    what the form gives the operation is the list itself."""
    from desktop.launch.param_form import ListEdit

    dlg = window.new_operation("fetch")
    field = dlg.form.fields["urls"]
    edit = field.widget
    assert isinstance(edit, ListEdit)
    assert field.get() == ""  # nothing given yet
    qtbot.keyClicks(edit.entry, "https://example.com/a,b.jpg")
    qtbot.keyClick(edit.entry, Qt.Key.Key_Return)
    edit.entry.setText("https://example.com/c.jpg")
    edit.entry.returnPressed.emit()
    edit.entry.setText("https://example.com/c.jpg")  # the same twice is kept once
    edit.add_typed()
    assert field.get() == ["https://example.com/a,b.jpg", "https://example.com/c.jpg"] and edit.entry.text() == ""
    edit.view.setCurrentRow(0)
    edit.remove_button.click()
    assert field.get() == ["https://example.com/c.jpg"]
    field.set('["x", "y, z"]')  # a saved profile's JSON
    assert field.get() == ["x", "y, z"]
    field.set(["only"])
    assert field.get() == ["only"]
    dlg.reject()


def test_an_operations_texts_show_as_written_not_as_markup(qtbot: Any, window: Any) -> None:
    """ "<title> and <meta> for HTML" in a description is text: read as markup, a label swallowed it and all after."""
    dlg = window.new_operation("metadata-writeback")
    labels = [dlg.description, *dlg.form.findChildren(QLabel, "fieldHelp")]
    assert "<title> and <meta> for HTML" in dlg.description.text()
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    dlg.close()
