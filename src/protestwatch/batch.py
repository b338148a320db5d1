"""Dask runner: the single-article step (``store.jobs.extract_one``) over partitions.

Each Dask worker builds the pipeline once, in a worker plugin, and keeps it for every
partition it runs. Partitions are contiguous slices of the input and results come back
in input order, so what is saved never depends on how the input was partitioned.
"""
from __future__ import annotations

import contextlib
from typing import Any, Iterator, Optional, Sequence, TypeVar

import dask
from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from protestwatch.schema import Article
from protestwatch.store.jobs import (BatchRunner, DoneExtractions, Extraction, ExtractorFactory,
                                     PendingExtractions, extract_one)

PLUGIN_NAME = "protestwatch-extractor"
# Partitions per worker in each batch: many, so a slow partition does not leave the other
# workers idle until the batch ends; a task costs a few milliseconds, an article 5 to 500.
PARTITIONS_PER_WORKER = 8
# Loopback only: a local cluster must not listen on the network.
LOCAL_HOST = "127.0.0.1"

# A local cluster's workers share the machine's cores with their own bookkeeping: the
# profiler samples the running task every 10 ms and the event loop wakes every 20 ms, each
# taking the GIL from the extraction. Nannies pass these settings on to their workers.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}

T = TypeVar("T")


class ExtractorPlugin(WorkerPlugin):
    """Builds one extractor per Dask worker when the worker starts or the plugin arrives."""

    def __init__(self, factory: ExtractorFactory) -> None:
        self.factory = factory
        self.extractor: Any = None

    def setup(self, worker: Any) -> None:
        self.extractor = self.factory()


def extract_partition(articles: list[Article]) -> list[Extraction]:
    """Runs on a Dask worker: extract each article with the worker's own pipeline."""
    extractor = get_worker().plugins[PLUGIN_NAME].extractor
    return [extract_one(article, extractor) for article in articles]


@contextlib.contextmanager
def open_dask_client(scheduler: Optional[str] = None, *, workers: int = 1,
                     processes: bool = True) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers``."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # Worker processes talk TCP, on loopback only; in-process workers need no network.
    network = {"host": LOCAL_HOST} if processes else {}
    with dask.config.set(LOCAL_CLUSTER_CONFIG), \
            LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=processes,
                         dashboard_address=None, **network) as cluster, Client(cluster) as client:
        yield client


def split_partitions(items: Sequence[T], npartitions: int) -> list[list[T]]:
    """``items`` cut into at most ``npartitions`` contiguous, nearly equal slices."""
    npartitions = max(1, min(npartitions, len(items)))
    size, extra = divmod(len(items), npartitions)
    partitions, start = [], 0
    for index in range(npartitions):
        end = start + size + (1 if index < extra else 0)
        partitions.append(list(items[start:end]))
        start = end
    return [partition for partition in partitions if partition]


class PendingPartitions:
    """Partitions submitted to the cluster; ``get`` gathers them, in input order."""

    def __init__(self, client: Client, futures: list[Any]) -> None:
        self.client, self.futures = client, futures

    def get(self) -> list[Extraction]:
        return [extraction for partition in self.client.gather(self.futures) for extraction in partition]


def extract_partitioned(client: Client, articles: list[Article], *, npartitions: int) -> PendingExtractions:
    """Submit ``articles`` to the cluster and return at once; ``get()`` waits for them."""
    if not articles:
        return DoneExtractions([])
    return PendingPartitions(client, client.map(extract_partition, split_partitions(articles, npartitions),
                                                pure=False))


@contextlib.contextmanager
def open_dask_runner(factory: ExtractorFactory, *, workers: int = 1, scheduler: Optional[str] = None,
                     processes: bool = True) -> Iterator[BatchRunner]:
    """A batch runner for ``store.jobs.ingest`` backed by a Dask cluster."""
    with open_dask_client(scheduler, workers=workers, processes=processes) as client:
        client.register_plugin(ExtractorPlugin(factory), name=PLUGIN_NAME)
        npartitions = max(1, len(client.scheduler_info()["workers"])) * PARTITIONS_PER_WORKER
        try:
            yield lambda articles: extract_partitioned(client, articles, npartitions=npartitions)
        finally:
            if scheduler:
                # A shared cluster should not keep our pipeline in memory after the run.
                with contextlib.suppress(Exception):
                    client.unregister_worker_plugin(PLUGIN_NAME)
