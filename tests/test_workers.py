"""baogao.workers: one rule for the three per-report stages (a pool only for two chunks or more)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from baogao.workers import AHEAD, RAISED_AGAIN_AFTER, Stopped, ended_by_ctrl_c, forking, ordered_map, stopped_by_sigterm, worker_pool


@pytest.mark.parametrize("jobs, chunksize, workers", [(15, 8, 2), (1, 64, 4), (500, 32, 1)])
def test_no_pool_for_less_than_two_chunks_or_one_worker(jobs, chunksize, workers):
    with worker_pool(jobs, chunksize, workers) as pool:
        assert pool is None
        assert list(ordered_map(pool, abs, range(-3, 0), chunksize)) == [3, 2, 1]


def test_two_chunks_run_in_a_pool_in_job_order():
    jobs = list(range(-16, 0))
    with worker_pool(len(jobs), 8, 2) as pool:
        assert isinstance(pool, ProcessPoolExecutor)
        assert list(ordered_map(pool, abs, jobs, 8)) == [abs(j) for j in jobs]


def test_the_pool_is_handed_a_bounded_window_of_chunks_ahead_of_the_caller():
    """The search index writes a segment while reports are still read: results the caller has
    not taken must not pile up for the whole archive (nor its writes wait behind it)."""
    pulled = []

    def jobs():
        for job in range(10_000):
            pulled.append(job)
            yield job

    with worker_pool(10_000, 4, 2) as pool:
        results = ordered_map(pool, abs, jobs(), 4)
        assert next(iter(results)) == 0
        assert len(pulled) <= (AHEAD * 2 + 1) * 4
        assert list(results) == list(range(1, 10_000))  # the rest, in order


@pytest.mark.parametrize("workers", [2, 3])
def test_the_window_follows_the_pools_workers_not_the_cores(workers):
    """`--workers 3` on two cores keeps three workers busy: the window is sized by the pool."""
    pulled = []

    def jobs():
        for job in range(10_000):
            pulled.append(job)
            yield job

    with worker_pool(10_000, 4, workers) as pool:
        results = ordered_map(pool, abs, jobs(), 4)
        next(iter(results))
        assert len(pulled) == (AHEAD * workers + 1) * 4  # the full window, then the chunk that waits


class _Unpicklable:
    """A stage's shared value that pickling would fail on: only forking hands it to a worker."""

    def __init__(self, offset: int):
        self.offset = offset

    def __reduce__(self):
        raise TypeError("not picklable: it must reach the workers without pickling")


def _shifted(job: int, shared: _Unpicklable) -> int:
    return job + shared.offset


@pytest.mark.parametrize("jobs", [3, 40])  # in this process, and in a pool of two workers
def test_a_stages_shared_value_reaches_every_job_given_once_not_with_each_chunk(jobs):
    """Conversion's taxonomy: sent with every chunk it was unpickled (its patterns compiled) ~1 300
    times in a 10 000-report build; each worker is given it once, when it starts."""
    shared = _Unpicklable(100)
    with worker_pool(jobs, 8, 2, shared=shared) as pool:
        assert list(ordered_map(pool, _shifted, range(jobs), 8, shared=shared)) == [j + 100 for j in range(jobs)]


def test_a_shared_value_other_than_the_pools_is_refused():
    with worker_pool(40, 8, 2, shared=_Unpicklable(1)) as pool:
        with pytest.raises(ValueError, match="shared"):
            ordered_map(pool, _shifted, range(40), 8, shared=_Unpicklable(2))


def _interrupted_before_its_first_step() -> None:
    """A child that a Ctrl-C reaches before its first step, then takes that step."""
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)  # (delivered by now, unless held)
    ended_by_ctrl_c()
    time.sleep(5)  # never reached when the Ctrl-C ends it


def test_a_ctrl_c_that_reaches_a_forked_child_before_its_first_step_ends_it_quietly(capfd):
    """Between a fork and the child's `ended_by_ctrl_c`, Python's own handler turned a Ctrl-C into a
    KeyboardInterrupt and a traceback; forked under `forking`, the child holds it until that step."""
    child = multiprocessing.get_context("fork").Process(target=_interrupted_before_its_first_step)
    with forking():
        child.start()
    child.join(10)
    assert child.exitcode == -signal.SIGINT
    assert "Traceback" not in capfd.readouterr().err


def _sigterm_handler(_job: int) -> str:
    handler = signal.getsignal(signal.SIGTERM)
    return "default" if handler == signal.SIG_DFL else repr(handler)


def test_sigterm_ends_a_worker_as_the_default_does_not_as_the_command_it_came_from():
    """The command takes SIGTERM (`stopped_by_sigterm`: Stopped, its children told); its workers, forked
    from it, must not inherit that: a worker raising Stopped would print a traceback, not simply end."""
    with stopped_by_sigterm(), worker_pool(16, 8, 2) as pool:
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
        assert list(ordered_map(pool, _sigterm_handler, range(16), 8)) == ["default"] * 16


def test_sigterm_ends_the_command_with_its_workers(capfd):
    """SIGTERM to the command alone (a service stopped): Stopped is raised in it, and its workers, which
    the signal did not reach, end too rather than wait for work for ever."""
    with pytest.raises(Stopped), stopped_by_sigterm(), worker_pool(16, 8, 2) as pool:
        workers = list(pool._processes.values())
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # never reached: the handler raises first
    for worker in workers:
        worker.join(10)
        assert worker.exitcode == -signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the command's handler is undone as it ends
    assert "Traceback" not in capfd.readouterr().err


class _StoppedAsItIsDropped:
    """An object whose finaliser is interrupted: the stop arrives while Python drops it."""

    def __init__(self, stop: type[BaseException]):
        self.stop = stop

    def __del__(self) -> None:
        raise self.stop


@pytest.mark.parametrize("stop", [Stopped, KeyboardInterrupt])
def test_a_stop_raised_in_a_finaliser_is_raised_again_in_the_command(stop):
    """A SIGTERM (Stopped) or a Ctrl-C (KeyboardInterrupt) that lands in a finaliser — a generator the collector
    closes, a `__del__` — was dropped by Python ("Exception ignored"), and the build went on to the end (CI saw
    it): `stopped_by_sigterm` sends the signal again, so that it is raised in the command's own code."""
    previous_hook = sys.unraisablehook
    with pytest.raises(stop), stopped_by_sigterm():
        _StoppedAsItIsDropped(stop)  # dropped at once: Python calls its finaliser and drops what it raises
        time.sleep(5)  # never reached: the signal sent again raises first
    assert sys.unraisablehook is previous_hook  # undone as the block ends


def test_a_stop_dropped_as_the_block_ends_is_raised_there_and_never_sent_after():
    """A stop dropped in the block's last moment, before it was sent again, is raised as the block ends: sent
    after it, SIGTERM's default action would kill the process (here, the test's) without a word."""
    with pytest.raises(Stopped), stopped_by_sigterm():
        _StoppedAsItIsDropped(Stopped)
    time.sleep(10 * RAISED_AGAIN_AFTER)  # (a late signal would end this process here)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_what_else_a_finaliser_drops_goes_to_the_hook_before(monkeypatch):
    """Only a stop is sent again; any other exception a finaliser drops is the previous hook's, as before."""
    seen: list[type] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: seen.append(unraisable.exc_type))
    with stopped_by_sigterm():
        _StoppedAsItIsDropped(ValueError)
    assert seen == [ValueError]
