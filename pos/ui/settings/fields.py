"""What every settings group is made of: a field with its message line, and the texts' context.

Every text of the dialog is filed under the context ``SettingsDialog`` in the ``.ts`` files,
whichever module builds it: lupdate files a text under the first argument of a
``translate("SettingsDialog", …)`` call (a literal, or it is not found), and ``self.tr`` in a
group would file it under the group's class name, where the Chinese is not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.config import masked
from pos.config.validation import Problem

translate = QCoreApplication.translate

#: Asks for a file: (title, name filter) -> the path chosen, "" when cancelled.
PickFile = Callable[[str, str], str]

ERROR_COLOUR = "#b91c1c"

# QT_TRANSLATE_NOOP marks the field problems of pos.config and pos.config.validation
# (English there: they are logged and read without Qt) for lupdate; problem_text() shows them.
PROBLEM_TEXTS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "AppID is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", 'AppID must be "wx" followed by 16 letters or digits'),
    QT_TRANSLATE_NOOP("SettingsDialog", "merchant number (mch_id) is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", "merchant number (mch_id) must be 6 to 32 digits"),
    QT_TRANSLATE_NOOP("SettingsDialog", "API key is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", "API key must be exactly 32 letters or digits"),
    QT_TRANSLATE_NOOP("SettingsDialog", "sign type must be MD5 or HMAC-SHA256"),
    QT_TRANSLATE_NOOP("SettingsDialog", "choose the {what}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} not found: {path}"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} is not a file: {path}"),
    QT_TRANSLATE_NOOP(
        "SettingsDialog", "the certificate could not be opened: check the file and its password"
    ),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} is required"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} must be at most {most} characters"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} must start with http:// or https://"),
    QT_TRANSLATE_NOOP("SettingsDialog", "{what} must not contain a query string (?...)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the relay needs this till's token"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the token must not contain spaces"),
    QT_TRANSLATE_NOOP(
        "SettingsDialog", "the checkout timeout must be from {low} to {high} seconds"
    ),
    QT_TRANSLATE_NOOP("SettingsDialog", "the poll interval must be from {low} to {high} seconds"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the sound must be a .wav file"),
    QT_TRANSLATE_NOOP(
        "SettingsDialog",
        "a printer is tcp://HOST:9100, usb://VENDOR:PRODUCT (hex ids) or "
        "serial:///dev/ttyUSB0?baudrate=9600",
    ),
    QT_TRANSLATE_NOOP("SettingsDialog", "the printer's port must be 1 to 65535"),
    QT_TRANSLATE_NOOP("SettingsDialog", "PKCS#12 file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "certificate file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "key file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "sound file"),
    QT_TRANSLATE_NOOP("SettingsDialog", "URL"),
    QT_TRANSLATE_NOOP("SettingsDialog", "relay URL"),
    QT_TRANSLATE_NOOP("SettingsDialog", "notify URL"),
    QT_TRANSLATE_NOOP("SettingsDialog", "notify URL (or a relay URL)"),
)


def problem_text(problem: str) -> str:
    """A field's problem in the UI's language (the English one when there is no translation)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SettingsDialog", text)

    if isinstance(problem, Problem):
        values = dict(problem.values)
        if "what" in values:
            values["what"] = tr(values["what"])
        return tr(problem.template).format(**values)
    return tr(problem)


class FieldRow(QWidget):
    """A field with its message underneath (red when something is wrong, grey for notes)."""

    def __init__(self, editor: QWidget, *extra: QWidget) -> None:
        super().__init__()
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(editor, 1)
        for widget in extra:
            line.addWidget(widget)
        layout.addLayout(line)
        self.note = QLabel()
        self.note.setObjectName("fieldNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.error = error_label()
        self.error.setVisible(False)
        layout.addWidget(self.error)
        # Notes quote file names and typed values: shown as typed, never as markup.
        self.note.setTextFormat(Qt.TextFormat.PlainText)

    def set_error(self, text: str | None) -> None:
        self.error.setText(problem_text(text) if text else "")
        self.error.setVisible(bool(text))

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


def error_label() -> QLabel:
    """A red message line; it quotes typed values and reasons, so it shows plain text."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FieldRows:
    """The form's fields by their ``Settings`` name, each with its message line; every group
    adds its own, and the dialog checks them and writes their messages by name."""

    def __init__(self, choose_file: PickFile) -> None:
        self.rows: dict[str, FieldRow] = {}
        self._choose_file = choose_file

    def add(self, name: str, editor: QWidget, *extra: QWidget) -> FieldRow:
        row = FieldRow(editor, *extra)
        self.rows[name] = row
        return row

    def browse_button(self, target: QLineEdit, title: str, name_filter: str) -> QPushButton:
        """A "Choose…" button that puts the chosen file's path into ``target``, then checks it
        as if the clerk had typed it and left the field."""
        button = QPushButton(translate("SettingsDialog", "Choose…"))
        button.clicked.connect(lambda: self._choose_into(target, title, name_filter))
        return button

    def _choose_into(self, target: QLineEdit, title: str, name_filter: str) -> None:
        chosen = self._choose_file(title, name_filter)
        if chosen:
            target.setText(chosen)
            target.editingFinished.emit()


def show_secret_mask(edit: QLineEdit, stored: str) -> None:
    """A stored secret is never put back into its field (§5.3): a mask says one is kept."""
    edit.clear()
    if stored:
        text = translate("SettingsDialog", "stored {mask}: leave empty to keep it")
        edit.setPlaceholderText(text.format(mask=masked(stored)))
    else:
        edit.setPlaceholderText("")


def password_edit() -> QLineEdit:
    """A field for a secret: what is typed is not shown."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
