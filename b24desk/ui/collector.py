"""Python's cyclic garbage collection, run only on the GUI thread and never as a long pause.

Automatic collection runs in whichever thread happens to allocate. When that is another
thread (the in-process demo portal, uvicorn in tests) and the garbage holds Qt objects,
Qt destroys them off their thread ("Timers cannot be stopped from another thread") and
can crash. So automatic collection is switched off and a timer on the GUI thread does the
young collections with Python's own threshold.

A full collection walks every tracked object: with 100,000 CRM rows loaded that is a
pause of tens of milliseconds, a visible stall. So objects that survive a young
collection are moved to the permanent generation (`gc.freeze`) and no full pass ever runs
while the supervisor works; a burst of new objects between two checks (modules loaded,
a session built) is frozen without any pass. They stay reference-counted, so rows dropped
by a new search are freed at once; only garbage cycles among them wait, until nobody is
watching: no input for a while and the application in the background (another one active,
or the window minimised). Then one full collection (`unfreeze`, collect, `freeze`) clears
them: about 100 ms, a visible stall in front of a supervisor who is only reading. One who
never leaves the window gets it at most once an hour, after the same quiet spell.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

CHECK_INTERVAL_MS = 100
IDLE_SECONDS = 20.0  # no keyboard or mouse input for this long: the user is away
FULL_EVERY_SECONDS = 300.0  # at most one full collection per this long, only when unwatched
OVERDUE_SECONDS = 3600.0  # ...or, with the window in front all along, when idle this long after
BURST = 10  # young objects beyond this many times the threshold are frozen unwalked
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class GuiThreadCollector(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        freeze: bool = True,
        in_front: Callable[[], bool] | None = None,
    ) -> None:
        """`freeze=False` (GUI tests): nothing is frozen, so a test's garbage is freed by one
        collection at its end, without unfreezing and walking everything the session loaded."""
        super().__init__(parent)
        self._freeze = freeze
        self._thresholds = gc.get_threshold()
        self._clock = clock
        self._in_front = in_front or _application_active
        self._last_input = clock()
        self._last_full = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        if self._freeze:
            # What start-up built (modules, classes, Qt wrappers) lives as long as the app.
            gc.collect()
            gc.freeze()
        parent = self.parent()
        if parent is not None:
            parent.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        parent = self.parent()
        if parent is not None:
            parent.removeEventFilter(self)
        gc.enable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self._last_input = self._clock()
        return False

    def check(self) -> None:
        """Young collections when due; a full one only when the user is away."""
        now = self._clock()
        if now - self._last_input >= IDLE_SECONDS:
            every = OVERDUE_SECONDS if self._in_front() else FULL_EVERY_SECONDS
            if now - self._last_full >= every:
                self.collect_all()
                return
        young = gc.get_count()[0]
        if young <= self._thresholds[0]:
            return
        if self._freeze and young > BURST * self._thresholds[0]:
            # So many new objects between two checks come from loading code (modules, a new
            # session), which lives on: the pass over them alone stalled the loop 20 ms.
            gc.freeze()
            return
        gc.collect(0)
        if self._freeze:
            # Survivors go where no pass walks them again (see the docstring). Left in the
            # middle generation, what connecting builds made its first pass a 40 ms stall.
            gc.freeze()

    def collect_all(self) -> None:
        """Collect every cycle, the frozen ones included; the next young pass refreezes."""
        self._last_full = self._clock()
        if not self._freeze:
            gc.collect()
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def _application_active() -> bool:
    return QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
