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

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from contextlib import contextmanager
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


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

    def __init__(self, workers: int) -> None:
        super().__init__(max_workers=workers, initializer=ended_by_ctrl_c)
        self.workers = workers


def ended_by_ctrl_c() -> None:
    """In a worker or forked process: SIGINT ends it at once, as it ends any program that does not
    catch it (Python's KeyboardInterrupt would print a traceback per process)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def worker_pool(jobs: int, chunksize: int, workers: int | None = None) -> Iterator[WorkerPool | None]:
    """`workers` processes (default: one per core) for `jobs` jobs in chunks of `chunksize`, or
    None when they are better run in this process (one worker, or less than two chunks)."""
    count = pool_size(jobs, chunksize, workers)
    if not count:
        yield None
        return
    with WorkerPool(count) as pool:
        yield pool


def ordered_map(pool: WorkerPool | None, function: Callable[[Job], Result], jobs: Iterable[Job],
                chunksize: int) -> Iterator[Result]:
    """`function` over `jobs`, results in the order of the jobs: in the pool, or here without one.

    At most AHEAD chunks per worker are handed out and not yet taken by the caller (the
    executor's own map hands out every chunk at once and holds their results until they are
    taken): memory stays bounded when the caller is slower than the workers, as the search
    index is while it writes a segment, and work the caller submits to the same pool meanwhile
    waits behind a few chunks, not behind the whole archive."""
    if pool is None:
        return map(function, jobs)
    return _windowed(pool, function, jobs, chunksize)


AHEAD = 4  # chunks per worker in flight: enough to keep every worker busy between the caller's takes


def _windowed(pool: WorkerPool, function: Callable[[Job], Result], jobs: Iterable[Job],
              chunksize: int) -> Iterator[Result]:
    window: deque[Future[list[Result]]] = deque()
    pending = iter(jobs)
    while chunk := list(islice(pending, chunksize)):
        if len(window) >= AHEAD * pool.workers:
            yield from window.popleft().result()
        window.append(pool.submit(_run_chunk, function, chunk))
    while window:
        yield from window.popleft().result()


def _run_chunk(function: Callable[[Job], Result], chunk: list[Job]) -> list[Result]:
    return [function(job) for job in chunk]
