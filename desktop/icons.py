"""Icons drawn with QPainter: the application icon and the tray icon with its running-jobs badge and ring."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

from desktop.jobs.presentation import PALETTES


def _base(p: QPainter, size: int) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = QRectF(size * 0.06, size * 0.06, size * 0.88, size * 0.88)
    path = QPainterPath()
    path.addRoundedRect(r, size * 0.2, size * 0.2)
    p.fillPath(path, QColor("#24416b"))
    # three bars of different lengths: jobs in a queue
    colours = (PALETTES["green"].bar, PALETTES["blue"].bar, PALETTES["yellow"].bar)
    lengths = (0.62, 0.44, 0.28)
    h = size * 0.12
    for i, (c, length) in enumerate(zip(colours, lengths, strict=True)):
        y = size * 0.24 + i * size * 0.2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(c))
        p.drawRoundedRect(QRectF(size * 0.2, y, size * length, h), h / 2, h / 2)


def app_pixmap(size: int = 64) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    _base(p, size)
    p.end()
    return pm


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(app_pixmap(size))
    return icon


def tray_pixmap(running: int, fraction: float | None, size: int = 64) -> QPixmap:
    """The app icon, with a progress ring while jobs run and a badge with how many."""
    pm = app_pixmap(size)
    if not running:
        return pm
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if fraction is not None:
        pen = QPen(QColor(PALETTES["blue"].bar), size * 0.1)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        rect = QRectF(size * 0.08, size * 0.08, size * 0.84, size * 0.84)
        p.drawArc(rect, 90 * 16, -int(360 * 16 * max(0.02, min(1.0, fraction))))
    d = size * 0.5
    badge = QRectF(size - d, size - d, d, d)
    p.setPen(QPen(QColor("white"), size * 0.04))
    # the accent colour (the palette's highlight): a count of running jobs is news, not an error
    p.setBrush(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
    p.drawEllipse(badge)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(d * (0.62 if running < 10 else 0.46)))
    p.setFont(font)
    p.setPen(QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText))
    p.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(running) if running < 100 else "99+")
    p.end()
    return pm
