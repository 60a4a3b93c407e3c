"""The products at the till: the picker (quick keys or a typed name) and the product editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProductNameValidator(QValidator):
    """A product name no longer than WeChat Pay's ``body`` (127 UTF-8 bytes, §3.1), so that
    what the customer's phone shows is the name itself, never a cut one."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        from pos.checkout import fits_body  # the till's window imports no checkout before paint

        if fits_body(text):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos


class ProductDialog(QDialog):
    """Add, rename and remove the products behind the quick keys (saved by the caller)."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Products"))
        self._list = QListWidget()
        self._list.addItems(list(names))
        add = QPushButton(self.tr("Add…"))
        rename = QPushButton(self.tr("Rename…"))
        remove = QPushButton(self.tr("Remove"))
        up = QPushButton(self.tr("Move up"))
        down = QPushButton(self.tr("Move down"))
        add.clicked.connect(self._add)
        rename.clicked.connect(self._rename)
        remove.clicked.connect(self._remove)
        up.clicked.connect(self._move_up)
        down.clicked.connect(self._move_down)
        self.up_button, self.down_button = up, down
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (add, rename, remove, up, down):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self._list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def names(self) -> list[str]:
        names = [self._list.item(i).text().strip() for i in range(self._list.count())]
        return [name for name in names if name]

    def add_name(self, name: str) -> None:
        from pos.checkout import fits_body

        if name.strip() and fits_body(name.strip()):
            self._list.addItem(name.strip())

    def name_dialog(self, title: str, text: str = "") -> QInputDialog:
        """The dialog asking for a name; its field takes no more than ``body`` allows."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextValue(text)
        field = dialog.findChild(QLineEdit)
        if field is not None:
            field.setValidator(ProductNameValidator(field))
        return dialog

    def _ask_name(self, title: str, text: str = "") -> str | None:
        dialog = self.name_dialog(title, text)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.textValue()
        finally:
            dialog.deleteLater()

    def _add(self) -> None:
        name = self._ask_name(self.tr("Add product"))
        if name is not None:
            self.add_name(name)

    def _rename(self) -> None:
        item = self._list.currentItem()
        if item is None:
            return
        from pos.checkout import fits_body

        name = self._ask_name(self.tr("Rename product"), item.text())
        if name is not None and name.strip() and fits_body(name.strip()):
            item.setText(name.strip())

    def _remove(self) -> None:
        row = self._list.currentRow()
        if row >= 0:
            self._list.takeItem(row)

    def select(self, row: int) -> None:
        self._list.setCurrentRow(row)

    def _move_up(self) -> None:
        self._move(-1)

    def _move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        """Move the chosen product one place (its quick key changes with it)."""
        row = self._list.currentRow()
        if row >= 0 and 0 <= row + step < self._list.count():
            item = self._list.takeItem(row)
            self._list.insertItem(row + step, item)
            self._list.setCurrentRow(row + step)


#: F1–F8 pick the first eight products.
QUICK_KEYS = 8


class ProductPicker(QWidget):
    """What the deal is called: a quick key (F1–F8) or a typed name, and the line saying which."""

    #: The clerk asked to edit the products (the app asks for the manager PIN first).
    edit_requested = Signal()

    def __init__(self, *, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the products' names, in quick-key order
        self.names: list[str] = []
        self._selected: int | None = None
        self.label = QLabel()
        self.label.setObjectName("productLabel")
        # A name such as "<b>Tea</b>" is shown as typed, never as markup.
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self._quick_row = QGridLayout()
        self._quick_row.setSpacing(8)
        #: the quick keys' buttons (F1, F2, …)
        self.buttons: list[QPushButton] = []
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Or type what is sold"))
        self.edit.setMaxLength(64)
        self.edit.textEdited.connect(self._on_typed)
        self.edit_button = QPushButton(self.tr("Edit products…"))
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.edit_requested)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.edit, 1)
        typed_row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)  # the window's, so that the picker sits in it seamlessly
        layout.addWidget(self.label)
        layout.addLayout(self._quick_row)
        layout.addLayout(typed_row)

    def set_products(self, names: list[str]) -> None:
        self.names = list(names)
        for button in self.buttons:
            self._quick_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for index, name in enumerate(self.names[:QUICK_KEYS]):
            button = QPushButton(f"F{index + 1}  {name}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=index: self.select(i))
            self._quick_row.addWidget(button, index // 4, index % 4)
            self.buttons.append(button)
        if self._selected is not None and self._selected >= len(self.names):
            self._selected = None
        self._refresh()

    def select(self, index: int | None) -> None:
        """Pick quick key ``index`` (again: unpick it); typed free text is cleared."""
        if index is not None and index >= min(len(self.names), QUICK_KEYS):
            return
        self._selected = None if index == self._selected else index
        with QSignalBlocker(self.edit):
            self.edit.clear()
        self._refresh()

    def set_enabled(self, enabled: bool) -> None:
        self.edit.setEnabled(enabled)
        for button in self.buttons:
            button.setEnabled(enabled)

    @property
    def product(self) -> str:
        """What the deal will be called: the picked product, the typed text, or a default."""
        if self._selected is not None:
            return self.names[self._selected]
        typed = self.edit.text().strip()
        return typed or self.tr("Purchase")

    def _on_typed(self, _text: str) -> None:
        self._selected = None
        self._refresh()

    def _refresh(self) -> None:
        for index, button in enumerate(self.buttons):
            button.setChecked(index == self._selected)
        if self._selected is not None or self.edit.text().strip():
            chosen = self.tr("Product: %1")
            self.label.setText(chosen.replace("%1", self.product))
            return
        # Nothing chosen: say how to choose, not "Product: Purchase" (商品：商品).
        keys = len(self.buttons)
        if keys:
            how = self.tr("Product: none chosen (%1, or type a name)")
            self.label.setText(how.replace("%1", "F1" if keys == 1 else f"F1–F{keys}"))
        else:
            self.label.setText(self.tr("Product: none chosen (type a name)"))
