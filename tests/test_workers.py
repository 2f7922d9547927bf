"""baogao.workers: one rule for the three per-report stages (a pool only for two chunks or more)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from baogao.workers import ordered_map, worker_pool


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
