"""Worker processes for the per-report stages: conversion, indexing, MkDocs' pages, the fidelity check.

Each of these runs one CPU-bound function over every report, in order, during `baogao build`
(and `baogao check`). One rule decides for all four whether to start a pool: only when the
reports fill two chunks or more. With less, a second worker could save at most one chunk's
time, and starting the pool costs about that (40–160 ms measured: forking a process that holds
jieba, numpy and the taxonomy). Each stage sizes its chunks to its cost per report, so that one
chunk is about 0.2 s of work: conversion 8 (about 25 ms a report), indexing 32 (8 ms), the
check 64 (3 ms; measured on the sample archive, 2 cores); MkDocs' pages are chunked by their
Markdown's size (baogao.pagerender).
"""

from __future__ import annotations

import _thread
import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import active_children, get_context
from itertools import islice
from contextlib import contextmanager
from typing import Any, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")
NOT_SHARED: Any = object()  # a pool whose jobs share nothing (`worker_pool`'s `shared`)


def worker_count(workers: int | None = None) -> int:
    """`workers`, or by default one per core."""
    return workers or os.cpu_count() or 1


def pool_size(jobs: int, chunksize: int, workers: int | None = None) -> int:
    """The processes of `worker_pool(jobs, chunksize, workers)`; 0 when it gives none."""
    count = worker_count(workers)
    return 0 if count == 1 or jobs < 2 * chunksize else count


class WorkerPool(ProcessPoolExecutor):
    """A process pool that says how many workers it has: ordered_map sizes its window by them.

    Ctrl-C reaches every process of the terminal's group: a worker simply ends (`ended_by_ctrl_c`),
    and the command says in one line what was interrupted (baogao.cli), not one traceback a worker."""

    def __init__(self, workers: int, shared: Any = NOT_SHARED) -> None:
        # fork, whatever the default start method: `shared` is inherited, never pickled
        super().__init__(max_workers=workers, mp_context=get_context("fork"), initializer=_start_worker,
                         initargs=(shared,))
        self.workers = workers
        self.shared = shared
        # The workers forked now (the first submit forks them all), before the caller starts a thread
        # of its own (tqdm's monitor): a Ctrl-C during the fork must reach this thread, which holds it.
        try:
            self.submit(int).result()
        except BaseException:  # (a SIGTERM held during the fork is raised as it ends: no `with` owns the pool yet)
            self.shutdown(cancel_futures=True)
            raise

    def submit(self, fn: Callable[..., Result], /, *args: Any, **kwargs: Any) -> Future[Result]:
        with forking():  # (the first submit forks the workers)
            return super().submit(fn, *args, **kwargs)

    def submit_shared(self, fn: Callable[[Job, Any], Result], job: Job) -> Future[Result]:
        """`fn(job, shared)` in a worker, `shared` the pool's (given to each worker once)."""
        return self.submit(_with_shared, fn, job)


# In a worker: the value its pool was started with (`worker_pool(…, shared=…)`), which every job of the
# stage uses (conversion's taxonomy). Given once, when the worker is forked (inherited, not pickled):
# sent with every chunk of jobs, the taxonomy was unpickled 1 263 times in a 10 000-report conversion,
# ~40 ms each — its RE2 patterns (134) compiled again, beyond re2's own cache of 128 —, and its
# regexes started each chunk with cold caches.
_shared: Any = NOT_SHARED


def _start_worker(shared: Any) -> None:
    global _shared
    ended_by_ctrl_c()
    _shared = shared


def _with_shared(fn: Callable[[Job, Any], Result], job: Job) -> Result:
    return fn(job, _shared)


_HELD = {signal.SIGINT, signal.SIGTERM}  # what `forking` holds until the child's first step
RAISED_AGAIN_AFTER = 0.01  # seconds: a stop dropped in a finaliser is sent again once the finaliser has ended


def ended_by_ctrl_c(with_workers: bool = False) -> None:
    """In a worker or forked process, its first step: SIGINT ends it at once, as it ends any program
    that does not catch it (Python's KeyboardInterrupt would print a traceback per process), and so
    does SIGTERM (the command stopped: `baogao.cli`), not the handler inherited from the command; one
    that came since the fork (held by `forking`) ends it now. `with_workers`, for a process that starts
    worker pools of its own (an index's): SIGTERM ends its workers too, which would else wait for work
    for ever (Ctrl-C reaches them itself: the terminal sends it to every process of its group)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, _end_with_workers if with_workers else signal.SIG_DFL)
    _forks.under_way, _forks.stop_held = 0, False  # (the parent's block, which forked it, never ends here)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def _end_with_workers(signum: int, _frame: object) -> None:
    # (a worker being forked when the signal came is among them: `forking` holds SIGTERM until it is registered)
    _end_children(signal.SIGKILL)
    os._exit(128 + signum)


class Stopped(KeyboardInterrupt):
    """The command was sent SIGTERM (a service stopped, `timeout`): it ends as on Ctrl-C (`stopped_by_sigterm`)."""


@contextmanager
def stopped_by_sigterm() -> Iterator[None]:
    """In the command's process (its main thread): SIGTERM raises `Stopped`, which ends the command as Ctrl-C's
    KeyboardInterrupt does (a staged site deleted, the lock released), once its worker processes and forked
    indexes are sent SIGTERM in turn: Ctrl-C reaches them itself, SIGTERM this process alone, and without
    them told, the workers waited for work for ever, holding the out folder's lock. A stop (this one, or
    Ctrl-C's KeyboardInterrupt) raised where Python drops exceptions, a finaliser (a generator the collector
    closes, a `__del__`), is not dropped: Python printed "Exception ignored" and the command went on to the
    end (seen in CI); its signal is sent again, to be raised in the command's own code."""
    def stop(signum: int, _frame: object) -> None:
        _end_children(signal.SIGTERM)
        if _forks.under_way:  # (come through another thread): raised as the fork's block ends, not inside the fork
            _forks.stop_held = True
            return
        raise Stopped

    def raised_again(unraisable: Any) -> None:
        if unraisable.exc_type is None or not issubclass(unraisable.exc_type, KeyboardInterrupt):
            previous_hook(unraisable)
            return
        sent_again.dropped(signal.SIGTERM if issubclass(unraisable.exc_type, Stopped) else signal.SIGINT)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a test's): signals are not ours to take
        yield
        return
    sent_again = _StopsSentAgain()
    previous_hook, sys.unraisablehook = sys.unraisablehook, raised_again
    try:
        yield
    finally:
        try:
            unsent = sent_again.end()
        finally:
            sys.unraisablehook = previous_hook
            signal.signal(signal.SIGTERM, previous)
    if unsent:  # dropped as the block ended, not sent again yet: raised here, where the command can still see it
        raise Stopped if signal.SIGTERM in unsent else KeyboardInterrupt


class _StopsSentAgain:
    """The stops dropped in a finaliser during a `stopped_by_sigterm` block (run in the main thread), each sent again
    to that thread RAISED_AGAIN_AFTER later by a thread of its own, while the block lasts: sent later, and from
    another thread, or it would be raised at once, in the finaliser again. What the block's end finds unsent is
    never sent (after the block, SIGTERM's default would kill the command, a SIGINT would escape its handling)."""

    def __init__(self) -> None:
        self.main = threading.get_ident()
        self.lock = threading.Lock()  # held by a sender from its check to its signal, and by `end`
        self.unsent: list[signal.Signals] = []
        self.active = True

    def dropped(self, signum: signal.Signals) -> None:
        self.unsent.append(signum)  # (no lock: taken here, in the main thread, a sender's signal would land in it)
        # a raw thread: `threading.Thread.start` waits until the thread runs, and its signal would come here
        with contextlib.suppress(RuntimeError):  # (no new thread while Python shuts down: the command is ending)
            _thread.start_new_thread(self._send, (signum,))

    def _send(self, signum: signal.Signals) -> None:
        time.sleep(RAISED_AGAIN_AFTER)
        with self.lock:
            if self.active and signum in self.unsent:
                self.unsent.remove(signum)
                signal.pthread_kill(self.main, signum)

    def end(self) -> list[signal.Signals]:
        """The block ends: nothing is sent after; returns what was not sent."""
        with self.lock:
            self.active = False
            unsent, self.unsent = self.unsent, []
        return unsent


@contextmanager
def forking() -> Iterator[None]:
    """Around a fork (a worker, an index's process, the reader sandbox): SIGINT and SIGTERM held (blocked) in
    this thread, so that the child starts with them held until `ended_by_ctrl_c`. Else a Ctrl-C between the
    fork and that first step raised KeyboardInterrupt in the child, which printed a traceback (seen in
    tests/test_safety_build.py under load), and a SIGTERM could end a process whose child was forked but not
    yet known to it (`ended_by_ctrl_c`'s `with_workers`). One that comes meanwhile reaches this process as the
    block ends."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # the mask as it is (a KeyboardInterrupt here changes nothing)
    _forks.under_way += 1
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)  # (one raised by it, once held, is undone below)
        yield
    finally:
        _forks.under_way -= 1
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if _forks.stop_held and not _forks.under_way:
            _forks.stop_held = False
            _end_children(signal.SIGTERM)  # (the one just forked too)
            raise Stopped


def _end_children(how: signal.Signals) -> None:
    """Send `how` to this process's multiprocessing children (its workers, its forked indexes)."""
    for child in active_children():
        if how == signal.SIGKILL:
            child.kill()
        else:
            child.terminate()


class _Forks:
    """This process's `forking` blocks under way, and whether a SIGTERM came (through another thread, which does
    not hold it) during one: Python runs a signal's handler in the main thread, even inside the fork's own
    at-fork callbacks, where an exception is printed and dropped ("Exception ignored in … _releaseLock")."""
    under_way = 0
    stop_held = False


_forks = _Forks()


@contextmanager
def worker_pool(jobs: int, chunksize: int, workers: int | None = None, shared: Any = NOT_SHARED) -> Iterator[WorkerPool | None]:
    """`workers` processes (default: one per core) for `jobs` jobs in chunks of `chunksize`, or
    None when they are better run in this process (one worker, or less than two chunks);
    `shared`: what `ordered_map(…, shared=…)` gives every job, handed to each worker once."""
    count = pool_size(jobs, chunksize, workers)
    if not count:
        yield None
        return
    with WorkerPool(count, shared) as pool:
        yield pool


def ordered_map(pool: WorkerPool | None, function: Callable[..., Result], jobs: Iterable[Job],
                chunksize: int, shared: Any = NOT_SHARED) -> Iterator[Result]:
    """`function` over `jobs` (`function(job)`, or `function(job, shared)` when `shared` is given: the
    pool's, see `worker_pool`), results in the order of the jobs: in the pool, or here without one.

    At most AHEAD chunks per worker are handed out and not yet taken by the caller (the
    executor's own map hands out every chunk at once and holds their results until they are
    taken): memory stays bounded when the caller is slower than the workers, as the search
    index is while it writes a segment, and work the caller submits to the same pool meanwhile
    waits behind a few chunks, not behind the whole archive."""
    with_shared = shared is not NOT_SHARED
    if pool is not None and pool.shared is not shared:
        raise ValueError("ordered_map: `shared` is not what the pool's workers were given")
    if pool is None:
        return (function(job, shared) for job in jobs) if with_shared else map(function, jobs)
    return _windowed(pool, function, jobs, chunksize, with_shared)


AHEAD = 4  # chunks per worker in flight: enough to keep every worker busy between the caller's takes


def _windowed(pool: WorkerPool, function: Callable[..., Result], jobs: Iterable[Job],
              chunksize: int, with_shared: bool) -> Iterator[Result]:
    window: deque[Future[list[Result]]] = deque()
    pending = iter(jobs)
    while chunk := list(islice(pending, chunksize)):
        if len(window) >= AHEAD * pool.workers:
            yield from window.popleft().result()
        window.append(pool.submit(_run_chunk, function, chunk, with_shared))
    while window:
        yield from window.popleft().result()


def _run_chunk(function: Callable[..., Result], chunk: list[Job], with_shared: bool) -> list[Result]:
    return [_with_shared(function, job) for job in chunk] if with_shared else [function(job) for job in chunk]
