"""Running the extractor over many articles with worker processes.

Each worker loads the pipeline once (``initializer``), not per article. Input
is consumed in bounded windows so memory does not grow with the batch, and
results come back in input order.
"""

from __future__ import annotations

import itertools
import multiprocessing
from typing import Any, Iterable, Iterator

__all__ = ["parallel_map"]

_WORKER = None


def _init_worker(segmenter: str) -> None:
    global _WORKER
    from .api import Extractor

    _WORKER = Extractor(segmenter=segmenter)


def _work(item: tuple[int, Any]) -> Any:
    position, article = item
    return _WORKER.extract_article(article, position)


def parallel_map(articles: Iterable[Any], n_process: int = 2, batch_size: int = 64,
                 segmenter: str = "builtin") -> Iterator[Any]:
    """Yield ``Result`` objects in input order, computed by ``n_process`` workers."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    numbered = enumerate(articles)
    window = max(1, n_process * batch_size * 4)
    with context.Pool(n_process, initializer=_init_worker, initargs=(segmenter,)) as pool:
        while True:
            chunk = list(itertools.islice(numbered, window))
            if not chunk:
                break
            yield from pool.imap(_work, chunk, chunksize=max(1, batch_size // 4))
