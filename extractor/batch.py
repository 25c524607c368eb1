"""Batch runs: worker processes, streaming, resumable output, a closing summary.

Each worker loads the pipeline once (``initializer``), not per article. Input
is consumed in bounded windows so memory does not grow with the batch, and
results come back in input order. Output lines are flushed one by one, so an
interrupted run leaves valid JSONL up to its last complete line; ``resume``
drops a torn last line and skips the ids already written.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.util import minibatch

from .inputs import BATCH_SIZE

__all__ = ["BatchSummary", "completed_ids", "parallel_map", "run_batch"]

_WORKER = None


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    from .api import Extractor

    _WORKER = Extractor(**options)


def _work(item: tuple[int, list[Any]]) -> list[Any]:
    position, articles = item
    return _WORKER.extract_many(articles, position)


def parallel_map(articles: Iterable[Any], n_process: int = 2, batch_size: int = BATCH_SIZE,
                 options: dict[str, Any] | None = None) -> Iterator[Any]:
    """Yield ``Result`` objects in input order, computed by ``n_process`` workers.

    ``options`` are the ``Extractor`` arguments each worker builds its pipeline with.
    """
    # Not «fork»: forking a process that runs threads (a Dask client, a progress bar) can
    # deadlock on a lock a thread held; the forkserver forks from a clean process instead.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    size = max(1, batch_size)
    batches = ((number * size, batch) for number, batch in enumerate(minibatch(articles, size)))
    # A window of minibatches in flight, refilled one for one as results come back: memory
    # stays bounded and no worker waits at a window's edge for the slowest of its batches.
    in_flight, stopped = threading.Semaphore(max(1, n_process * 4)), threading.Event()

    def feed() -> Iterator[tuple[int, list[Any]]]:  # runs in the pool's task-handler thread
        for item in batches:
            while not in_flight.acquire(timeout=0.05):
                if stopped.is_set():
                    return
            yield item

    with context.Pool(n_process, initializer=_init_worker, initargs=(options or {},)) as pool:
        try:
            for results in pool.imap(_work, feed()):
                in_flight.release()
                yield from results
        finally:
            stopped.set()  # lets the task handler leave feed() so the pool can shut down


def completed_ids(path: Path) -> set[str]:
    """Ids already written to ``path``; a torn (incomplete) last line is cut off."""
    if not path.exists():
        return set()
    done: set[str] = set()
    keep = 0
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            keep += len(raw)
    if keep != path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return done


@dataclass
class BatchSummary:
    """What a batch run did, printed at the end of ``extractor run``."""

    articles: int = 0
    skipped: int = 0
    with_errors: int = 0
    labels: Counter = field(default_factory=Counter)
    events: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    def add(self, result: Any) -> None:
        self.articles += 1
        self.with_errors += bool(result.errors)
        self.labels.update(entity["label"] for entity in result.entities)
        self.events.update(event["type"] for event in result.events)

    def __str__(self) -> str:
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.labels.items())) or "none"
        events = ", ".join(f"{k} {v}" for k, v in sorted(self.events.items())) or "none"
        rate = self.articles / self.seconds if self.seconds else 0.0
        state = "interrupted after" if self.interrupted else "done:"
        return (f"extractor: {state} {self.articles} article(s) in {self.seconds:.1f}s "
                f"({rate:.1f}/s); skipped (resume) {self.skipped}; entities: {labels}; "
                f"events: {events}; articles with errors/warnings: {self.with_errors}")


class _Stop(BaseException):  # not caught by per-article error handling
    pass


def _raise_stop(_signum, _frame) -> None:
    raise _Stop()


def run_batch(articles: Iterable[dict], writer: Any, extractor: Any, *, workers: int = 1,
              batch_size: int = BATCH_SIZE, skip_ids: set[str] | None = None, include_text: bool = False,
              progress: Any = None) -> BatchSummary:
    """Extract ``articles`` and write each result; SIGTERM/Ctrl-C stop cleanly between lines."""
    summary = BatchSummary()
    skip_ids = skip_ids or set()

    def todo() -> Iterator[dict]:
        for position, article in enumerate(articles):
            doc_id = str(article.get("id", position)) if isinstance(article, dict) else str(position)
            if doc_id in skip_ids:
                summary.skipped += 1
                continue
            yield article

    previous = signal.signal(signal.SIGTERM, _raise_stop) if _main_thread() else None
    started = time.perf_counter()
    try:
        results = extractor.pipe(todo(), n_process=workers, batch_size=batch_size)
        for result in (progress(results) if progress else results):
            writer.write(result.to_dict(include_text=include_text))
            summary.add(result)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        summary.seconds = time.perf_counter() - started
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return summary


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread() and os.name == "posix"
