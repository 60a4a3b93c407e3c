"""The day's takings by hour as a bar chart, its axis in round yuan."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from pos.money import format_fen


def _nice_step(max_fen: int) -> int:
    """A round tick step in fen (1, 2, 5 × 10^k yuan), about four ticks up to ``max_fen``."""
    step = 100
    while True:
        for factor in (1, 2, 5):
            if max_fen <= step * factor * 4:
                return step * factor
        step *= 10


class HourlyChart(QChartView):
    """Gross takings per hour of the day as bars; the axis labelled in yuan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.values: tuple[int, ...] = (0,) * 24
        chart = QChart()
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(6)
        self.setChart(chart)

    def set_takings(self, hourly_fen: tuple[int, ...], title: str) -> None:
        self.values = hourly_fen
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        bars = QBarSet("")
        bars.setColor(QColor("#07c160"))
        bars.setBorderColor(QColor("#059a4c"))
        for fen in hourly_fen:
            # Qt draws bars from qreal; integer fen converts exactly (no float arithmetic).
            bars.append(fen)
        series = QBarSeries()
        series.setBarWidth(0.8)
        series.append(bars)
        chart.addSeries(series)
        hours = QBarCategoryAxis()
        hours.append([str(h) for h in range(24)])
        chart.addAxis(hours, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(hours)
        top = max(hourly_fen) if any(hourly_fen) else 0
        step = _nice_step(top)
        money = QCategoryAxis()
        money.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        ticks = max(1, -(-top // step))
        money.setRange(0, step * ticks)
        for n in range(ticks + 1):
            money.append(format_fen(step * n, symbol="¥").removesuffix(".00"), step * n)
        money.setStartValue(0)
        chart.addAxis(money, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(money)
