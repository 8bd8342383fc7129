"""A worker supervisor that cannot hang: every task resolves, whatever its worker does.

Why not a pool library: a pool hands tasks to workers through a shared queue, so a
worker killed while it holds the queue (out of memory, SIGKILL inside the pool's own
receive) leaves a task that no future ever resolves, and the parent waits forever.
Here each worker has its own pipe and runs one task at a time; the parent knows
which task every worker holds and waits on the pipes, the workers' exit sentinels
and the earliest deadline together. So a task ends in exactly one of: its result,
its worker's death (reported with the exit status), or its deadline (the worker is
killed). A dead, killed or out-of-memory worker is replaced by a fresh one, so later
tasks never run in a process whose heap or imports are broken.

Tasks are handed out only when a worker is idle: nothing is queued ahead, so an
interrupt (Ctrl-C, SIGTERM) has nothing to drain: the workers are killed at once.

The time limit counts the user-mode processor time a worker spends on its task
(read from ``/proc``): that is what a runaway parser or regex burns, and it does
not grow when the machine is busy with other work, nor while the kernel hands a
memory hog the pages it will not be allowed to keep (a hog is nearly all system
time and must end as "out of memory", not as a timeout that depends on the load).
A task that sleeps, blocks or spends its time in the kernel is stopped by the wall
clock at the limit plus a margin. Either way every task resolves within
``timeout + margin`` seconds.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import pickle
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

P = TypeVar("P")  # a task's payload
R = TypeVar("R")  # a task's result

# What a worker may send back: (task index, result, whether the worker must be retired).
_Reply = tuple[int, Any, bool]


@dataclass
class _Worker(Generic[P]):
    proc: mp.process.BaseProcess
    conn: Connection
    task: tuple[int, P] | None = None
    deadline: float = 0.0  # wall clock (monotonic) at which the task is abandoned
    started: float = 0.0  # wall clock at hand-out
    cpu0: float = 0.0  # the worker's processor seconds at hand-out


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int | None) -> float | None:
    """User-mode processor seconds of process ``pid`` (None where /proc cannot tell)."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) / _TICKS
    except (OSError, ValueError, IndexError):
        return None


def describe_exit(code: int | None) -> str:
    """A worker's exit status in words: ``exit code 70`` or ``signal 9 (SIGKILL)``."""
    if code is None:
        return "unknown exit status"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = "unknown signal"
        return f"signal {-code} ({name})"
    return f"exit code {code}"


def limit_memory(max_bytes: int) -> None:
    """Let this process grow by at most ``max_bytes`` of address space.

    The cap is counted from the process's size now: a forked worker inherits the
    parent's mappings (a long-lived parent, such as a test session, may already be
    large), and only what one task makes it allocate should count.
    """
    if max_bytes <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + max_bytes
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """This process's current virtual size in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _grown(base: int, memory_bytes: int) -> bool:
    return memory_bytes > 0 and _address_space() - base > memory_bytes // 2


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to kill this worker when the parent dies (Linux ``PR_SET_PDEATHSIG``).

    A parent killed with SIGKILL cannot stop its workers, and a worker would not notice:
    its sibling workers hold copies of its pipe's other end, so it never reads EOF.
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(0)


def _worker_main(
    conn: Connection,
    parent_pid: int,
    work: Callable[[Any], Any],
    failed: Callable[[Any, str], Any],
    retire: Callable[[Any], bool],
    memory_bytes: int,
) -> None:
    """A worker's life: take one task, send its result, until told to stop or retired.

    Interrupts are the parent's to handle: a Ctrl-C on the terminal reaches every
    process of the group, and a worker printing its own traceback would only add noise.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent_pid)
    limit_memory(memory_bytes)
    base = _address_space()
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if msg is None:
            return
        index, payload = msg
        try:
            try:
                result = work(payload)
                # Retired too when a task left the heap grown past half the cap: memory a
                # worker keeps (fragmentation, caches) would make the next file fail in
                # odd places (an import that cannot map its library) instead of cleanly.
                done = retire(result) or _grown(base, memory_bytes)
            except Exception as exc:  # noqa: BLE001 - a bug in ``work`` fails its task alone
                result, done = failed(payload, f"internal error {type(exc).__name__}: {exc}"), True
            try:
                conn.send((index, result, done))
            except (pickle.PicklingError, TypeError, AttributeError) as exc:
                conn.send((index, failed(payload, f"result cannot be sent back: {exc}"), True))
        except MemoryError:
            os._exit(71)  # not even the reply fits: the parent reports the death
        except (BrokenPipeError, EOFError, OSError):
            return  # the parent is gone
        if done:
            return


class Supervisor(Generic[P, R]):
    """Runs ``work(payload)`` for every task in worker processes, ``jobs`` at a time.

    ``failed(payload, message)`` makes the result for a task whose worker died or
    overran ``timeout`` seconds; ``retire(result)`` says whether the worker that made
    ``result`` must be replaced (for instance after it ran out of memory).
    """

    def __init__(
        self,
        work: Callable[[P], R],
        failed: Callable[[P, str], R],
        *,
        jobs: int,
        timeout: float,
        memory_bytes: int,
        retire: Callable[[R], bool] = lambda _r: False,
        margin: float | None = None,
    ) -> None:
        if jobs < 1:
            raise ValueError("a supervisor needs at least one worker")
        if timeout <= 0:
            raise ValueError("the timeout must be positive")
        self.work, self.failed, self.retire = work, failed, retire
        self.jobs, self.timeout, self.memory_bytes = jobs, timeout, memory_bytes
        self.margin = margin if margin is not None else max(5.0, timeout / 2)
        self._ctx = mp.get_context("fork")
        self._workers: list[_Worker[P]] = []

    def run(self, payloads: Iterable[P]) -> Iterator[tuple[int, R]]:
        """Yield ``(index, result)`` for every payload, in the order they finish.

        Leaving the generator early (an exception, an interrupt, ``close()``) kills
        every worker before it returns.
        """
        pending: deque[tuple[int, P]] = deque(enumerate(payloads))
        try:
            while pending or any(w.task for w in self._workers):
                self._hand_out(pending)
                yield from self._collect()
        finally:
            self._stop_all()

    def _spawn(self) -> _Worker[P]:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=_worker_main,
            args=(child, os.getpid(), self.work, self.failed, self.retire, self.memory_bytes),
            daemon=True,
        )
        gc.freeze()  # the parent's objects stay out of the worker's collections: no copy-on-write
        try:
            proc.start()
        finally:
            gc.unfreeze()
        child.close()
        worker: _Worker[P] = _Worker(proc, parent)
        self._workers.append(worker)
        return worker

    def _hand_out(self, pending: deque[tuple[int, P]]) -> None:
        idle = [w for w in self._workers if w.task is None]
        while pending and len(self._workers) < self.jobs and len(idle) < len(pending):
            idle.append(self._spawn())
        for worker in idle:
            if not pending:
                break
            task = pending.popleft()
            try:
                worker.conn.send(task)
            except (OSError, ValueError):  # the worker died while idle: replace it
                self._retire(worker)
                pending.appendleft(task)
                continue
            worker.task = task
            worker.started = time.monotonic()
            worker.deadline = worker.started + self.timeout + self.margin
            worker.cpu0 = cpu_seconds(worker.proc.pid) or 0.0

    def _collect(self) -> Iterator[tuple[int, R]]:
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            return
        wait_s = max(0.0, min(self._next_check(w) for w in busy) - time.monotonic())
        handles: list[Any] = [w.conn for w in busy] + [w.proc.sentinel for w in self._workers]
        wait(handles, timeout=wait_s)
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.task is None:
                if not worker.proc.is_alive():  # died idle (or retired itself)
                    self._retire(worker)
                continue
            index, payload = worker.task
            reply, broken = self._reply(worker)
            if reply is not None:
                _idx, result, done = reply
                worker.task = None
                if done:
                    self._retire(worker)
                yield index, result
            elif broken:
                self._retire(worker)
                yield index, self.failed(payload, broken)
            elif not worker.proc.is_alive():
                worker.proc.join(0.1)
                status = describe_exit(worker.proc.exitcode)
                message = f"worker died ({status}): out of memory or crash"
                self._retire(worker)
                yield index, self.failed(payload, message)
            elif self._overran(worker, now):
                self._retire(worker)
                yield index, self.failed(payload, f"timed out after {self.timeout:g} s")

    def _used(self, worker: _Worker[P]) -> float | None:
        cpu = cpu_seconds(worker.proc.pid)
        return None if cpu is None else cpu - worker.cpu0

    def _overran(self, worker: _Worker[P], now: float) -> bool:
        """Past the limit: ``timeout`` user processor seconds, or ``timeout + margin`` in all
        (the whole limit by the wall clock where processor time cannot be read)."""
        if now >= worker.deadline:
            return True
        used = self._used(worker)
        if used is None:
            return now - worker.started >= self.timeout
        return used >= self.timeout

    def _next_check(self, worker: _Worker[P]) -> float:
        """When ``worker`` may next be over its limit (processor time grows no faster than
        the wall clock on one core)."""
        used = self._used(worker)
        if used is None:
            return worker.started + self.timeout
        return min(worker.deadline, time.monotonic() + max(0.05, self.timeout - used))

    @staticmethod
    def _reply(worker: _Worker[P]) -> tuple[_Reply | None, str | None]:
        """(the worker's answer if one is waiting, why the answer is unreadable if it is).

        A pipe that closed (EOF) is no answer: the exit sentinel reports the death.
        """
        try:
            if worker.conn.poll():
                return worker.conn.recv(), None
        except (EOFError, OSError):
            return None, None
        except Exception as exc:  # noqa: BLE001 - an unpicklable reply fails its task alone
            return None, f"internal error: the worker's reply cannot be read: {exc}"
        return None, None

    def _retire(self, worker: _Worker[P]) -> None:
        """Kill and forget one worker (a new one is spawned when work needs it)."""
        if worker in self._workers:
            self._workers.remove(worker)
        if worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join(2)
        worker.conn.close()

    def _stop_all(self) -> None:
        """Kill every worker at once, then reap them (an interrupt waits for no one)."""
        for worker in self._workers:
            if worker.proc.is_alive():
                worker.proc.kill()
        for worker in list(self._workers):
            self._retire(worker)
