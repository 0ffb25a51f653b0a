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
    # The supervisor switched to another application (the window is not in front).
    collector = GuiThreadCollector(owner, clock=clock, in_front=lambda: False)
    collector.start()
    yield collector, clock, owner
    collector.stop()
    gc.unfreeze()
    gc.collect()
    gc.freeze()  # the run's modules, as tests/conftest.py left them


def young_passes_until_frozen(collector: GuiThreadCollector) -> None:
    frozen = gc.get_freeze_count()
    passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            passes.append(info["generation"])

    # get_freeze_count walks every frozen object (a whole test run's modules): ask it once,
    # after the first young collection.
    gc.callbacks.append(seen)
    try:
        kept = []
        for _ in range(100_000):
            kept.append(Node())  # live allocations move the young counter
            collector.check()
            if passes:
                break
    finally:
        gc.callbacks.remove(seen)
    assert passes == [0], "the collector ran something other than one young pass"
    if gc.get_freeze_count() <= frozen:
        raise AssertionError("no young collection froze its survivors")


def test_survivors_of_young_passes_are_frozen_so_no_pass_walks_them(running):
    collector, _, _ = running
    kept = [Node() for _ in range(10_000)]
    young_passes_until_frozen(collector)
    assert gc.get_count()[2] == 0 or gc.get_freeze_count() >= len(kept)
    # Nothing of what was kept is left for a full pass, or a middle one, to walk: the first
    # middle pass after start-up walked what connecting had built, a 40 ms stall.
    older = {id(o) for o in gc.get_objects(1) + gc.get_objects(2)}
    assert not any(id(k) in older for k in kept)


def test_a_burst_of_new_objects_is_frozen_without_a_pass_over_it(running):
    # Connecting imports modules and builds a session between two checks: walking all of it
    # was a 20 ms stall before the first page.
    collector, _, _ = running
    gc.collect(0)
    passes: list[int] = []
    burst = [Node() for _ in range((collector_module.BURST + 1) * gc.get_threshold()[0])]

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        collector.check()
    finally:
        gc.callbacks.remove(seen)
    assert passes == []
    assert gc.get_count()[0] < len(burst)  # no longer young: frozen
    young = {id(o) for o in gc.get_objects(0) + gc.get_objects(1)}
    assert not any(id(node) in young for node in burst[:100])


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


def test_with_the_window_in_front_the_full_pass_waits_an_hour_of_quiet_spells(qapp):
    # 100 ms every five minutes stalled a supervisor reading a chat without touching a key.
    clock, in_front, owner = Clock(), [True], QObject()
    collector = GuiThreadCollector(owner, clock=clock, in_front=lambda: in_front[0])
    collector.start()
    try:
        holder, dead = cycle()
        young_passes_until_frozen(collector)
        holder.clear()
        clock.now += collector_module.FULL_EVERY_SECONDS + collector_module.IDLE_SECONDS
        collector.check()
        assert dead() is not None
        clock.now += collector_module.OVERDUE_SECONDS
        collector.check()
        assert dead() is None  # the window never left the front: once an hour after all
        holder, dead = cycle()
        young_passes_until_frozen(collector)
        holder.clear()
        in_front[0] = False  # the supervisor switched to the CRM in the browser
        clock.now += collector_module.FULL_EVERY_SECONDS + collector_module.IDLE_SECONDS
        collector.check()
        assert dead() is None
    finally:
        collector.stop()
        gc.unfreeze()
        gc.collect()
        gc.freeze()


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


def test_a_collector_that_does_not_freeze_leaves_cycles_to_a_plain_collection(qapp):
    # GUI tests run it so: each test's garbage goes by one collection at its end.
    collector = GuiThreadCollector(freeze=False)
    collector.start()
    try:
        frozen = gc.get_freeze_count()
        holder, dead = cycle()
        kept = []
        for _ in range(20_000):
            kept.append(Node())
            collector.check()
        assert gc.get_freeze_count() <= frozen  # (frozen objects freed since make it less)
        holder.clear()
        gc.collect()
        assert dead() is None
    finally:
        collector.stop()
