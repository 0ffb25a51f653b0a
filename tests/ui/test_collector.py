"""GUI-thread garbage collection: young passes freeze survivors; full passes wait for idle."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QEvent, QObject

from b24desk.ui import collector as collector_module
from b24desk.ui.collector import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> tuple[list[Node], weakref.ref[Node]]:
    """A reference cycle, held by the returned list until the caller drops it."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return [first], weakref.ref(first)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def running(qapp):
    clock = Clock()
    owner = QObject()
    collector = GuiThreadCollector(owner, clock=clock)
    collector.start()
    yield collector, clock, owner
    collector.stop()
    gc.unfreeze()
    gc.collect()


def young_passes_until_frozen(collector: GuiThreadCollector) -> None:
    frozen = gc.get_freeze_count()
    kept = []
    for number in range(100_000):
        kept.append(Node())  # live allocations move the young counters
        # get_freeze_count walks the frozen objects: ask only when a pass may have run.
        if number % 50 == 0:
            collector.check()
            if gc.get_freeze_count() > frozen:
                return
    raise AssertionError("no young collection froze its survivors")


def test_survivors_of_young_passes_are_frozen_so_no_pass_walks_them(running):
    collector, _, _ = running
    kept = [Node() for _ in range(10_000)]
    young_passes_until_frozen(collector)
    assert gc.get_count()[2] == 0 or gc.get_freeze_count() >= len(kept)
    # Nothing of what was kept is left for a full pass to walk.
    assert not any(gc.is_tracked(k) and k in gc.get_objects(2) for k in kept[:10])


def test_frozen_garbage_cycles_are_freed_once_the_user_is_away(running):
    collector, clock, _ = running
    holder, dead = cycle()
    young_passes_until_frozen(collector)  # the cycle is frozen while still referenced
    holder.clear()  # now it is garbage, out of every young pass's reach
    collector.check()
    assert dead() is not None
    clock.now += collector_module.FULL_EVERY_SECONDS + collector_module.IDLE_SECONDS
    collector.check()
    assert dead() is None


def test_no_full_pass_while_the_user_is_typing(running, qapp):
    collector, clock, owner = running
    holder, dead = cycle()
    young_passes_until_frozen(collector)
    holder.clear()
    clock.now += collector_module.FULL_EVERY_SECONDS
    collector.eventFilter(owner, QEvent(QEvent.Type.KeyPress))  # the supervisor types
    clock.now += 1
    collector.check()
    assert dead() is not None
