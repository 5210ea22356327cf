"""Run one function over many inputs in worker processes, each input under a time and a memory limit.

concurrent.futures cannot stop a task that hangs (a pathological PDF, a runaway regex in C code), and a worker
killed by the kernel breaks its whole pool. Here each worker owns a pipe; the parent waits on all of them, kills a
worker whose task overruns its time, records why, and starts a fresh worker, so one bad file costs one file.
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import resource
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator

_PR_SET_PDEATHSIG = 1
_NONE = object()      # no outcome yet (a task's result may itself be None)


@dataclass(frozen=True)
class TaskFailed:
    """What a task gave instead of a result: the cause, one line, for the user."""
    cause: str


def _limit_memory(max_memory_mb: int) -> None:
    if max_memory_mb > 0:
        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def die_with_parent(parent: int) -> None:
    """A worker must not outlive a parent that was killed (it would wait on its pipe for ever, holding the
    terminal's or a caller's output open): Linux can signal it when the parent goes."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:      # the parent died before the request took effect
        os._exit(1)


def _worker(conn, fn: Callable[[Any], Any], max_memory_mb: int, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides what Ctrl-C means
    _limit_memory(max_memory_mb)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, item = task
        try:
            result: Any = fn(item)
        except MemoryError:
            result = TaskFailed(f"out of memory (limit {max_memory_mb} MB)")
        except Exception as e:  # a bug must cost one file, not the batch
            result = TaskFailed(f"internal error: {type(e).__name__}: {e}")
        try:
            conn.send((index, result))
        except MemoryError:
            conn.send((index, TaskFailed(f"out of memory (limit {max_memory_mb} MB)")))


class _Slot:
    def __init__(self, ctx, fn, max_memory_mb: int):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, fn, max_memory_mb, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, Any] | None = None
        self.started = 0.0

    def give(self, index: int, item: Any) -> None:
        self.task = (index, item)
        self.started = time.monotonic()
        self.conn.send(self.task)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.kill()


def run_tasks(fn: Callable[[Any], Any], items: Iterable[Any], workers: int | None = None,
              timeout_s: float = 600.0, max_memory_mb: int = 4096) -> Iterator[tuple[int, Any, Any]]:
    """Yield (index, item, result or TaskFailed) in completion order. fn must be a module-level function."""
    ctx = mp.get_context("fork" if os.name == "posix" else "spawn")
    queue = list(enumerate(items))
    queue.reverse()
    n = max(1, min(workers or os.cpu_count() or 1, len(queue) or 1))
    slots = [_Slot(ctx, fn, max_memory_mb) for _ in range(n)]
    try:
        for slot in slots:
            if queue:
                slot.give(*queue.pop())
        while any(s.task for s in slots):
            busy = [s for s in slots if s.task]
            now = time.monotonic()
            next_deadline = min(s.started + timeout_s for s in busy)
            ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy],
                         timeout=max(0.0, next_deadline - now))
            for i, slot in enumerate(slots):
                if not slot.task:
                    continue
                index, item = slot.task
                outcome = _NONE
                if slot.conn in ready or slot.process.sentinel in ready:
                    try:
                        if slot.conn.poll():
                            outcome = slot.conn.recv()[1]
                    except (EOFError, OSError):
                        pass
                    if outcome is _NONE:
                        slot.process.join(timeout=1)
                        code = slot.process.exitcode
                        outcome = TaskFailed("killed: out of memory" if code == -signal.SIGKILL
                                             else f"worker crashed (exit code {code})")
                        slot.kill()
                        slots[i] = slot = _Slot(ctx, fn, max_memory_mb)
                elif time.monotonic() - slot.started >= timeout_s:
                    slot.kill()
                    outcome = TaskFailed(f"timed out after {timeout_s:g} s")
                    slots[i] = slot = _Slot(ctx, fn, max_memory_mb)
                if outcome is _NONE:
                    continue
                slot.task = None
                if queue:
                    slot.give(*queue.pop())
                yield index, item, outcome
    finally:
        for slot in slots:
            if slot.task:
                slot.kill()
            else:
                slot.stop()
