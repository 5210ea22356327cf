"""One hanging, crashing or memory-hungry input costs that input only; the other results all come back."""
import os
import subprocess
import sys
import time

from pipeline.pool import TaskFailed, run_tasks


def misbehave(kind: str):
    if kind == "hang":
        time.sleep(60)
    if kind == "raise":
        raise ValueError("bad input")
    if kind == "memory":
        return len(bytearray(2_000_000_000))
    if kind == "exit":
        os._exit(3)
    return kind.upper()


def test_each_failure_is_contained_and_named():
    items = ["a", "hang", "raise", "memory", "exit", "b"]
    results = {item: outcome for _, item, outcome in
               run_tasks(misbehave, items, workers=2, timeout_s=3, max_memory_mb=600)}
    assert results["a"] == "A" and results["b"] == "B"
    assert results["hang"] == TaskFailed("timed out after 3 s")
    assert results["raise"] == TaskFailed("internal error: ValueError: bad input")
    assert "out of memory" in results["memory"].cause
    assert results["exit"] == TaskFailed("worker crashed (exit code 3)")


def test_every_input_is_answered_once_with_its_index():
    items = [f"x{i}" for i in range(25)]
    out = list(run_tasks(misbehave, items, workers=3))
    assert sorted(i for i, _, _ in out) == list(range(25))
    assert all(result == item.upper() for _, item, result in out)


def test_workers_die_with_a_killed_parent():
    """Orphaned workers would hold the caller's output pipes open for ever."""
    code = "from pipeline.pool import run_tasks\nimport time\nfor r in run_tasks(time.sleep, [60, 60], workers=2): pass"
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2)
    parent.kill()
    parent.communicate(timeout=15)      # returns only once every holder of the pipes is gone
