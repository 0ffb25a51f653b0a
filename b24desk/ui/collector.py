"""Python's cyclic garbage collection, run only on the GUI thread.

Automatic collection runs in whichever thread happens to allocate. When that is another
thread (the in-process demo portal, uvicorn in tests) and the garbage holds Qt objects,
Qt destroys them off their thread ("Timers cannot be stopped from another thread") and
can crash. So automatic collection is switched off and a timer on the GUI thread does the
same work, generation by generation, with Python's own thresholds.

Objects that survive a full collection are moved to the permanent generation
(`gc.freeze`): a window holding 100,000 CRM rows would otherwise rescan them all in every
later full collection, a visible stall. They stay reference-counted, so rows dropped by a
new search are still freed at once; only cycles among them would wait for `unfreeze`.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 100


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        # What start-up built (modules, classes, Qt wrappers) lives as long as the app:
        # one collection now, then freeze it, so no later full pass walks it again.
        gc.collect()
        gc.freeze()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                if generation == 2:
                    gc.freeze()
                return
