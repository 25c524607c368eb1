"""The same extraction on Dask, for batches larger than one machine.

``extract_bag`` maps a ``dask.bag`` of article dicts (or JSONL paths, read as
partitioned text) through the extractor. The pipeline is loaded once per
worker process (a module-level cache), not per article or per partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["extract_bag", "extract_partition", "run_on_dask"]

_EXTRACTORS: dict[str, Any] = {}


def _extractor(segmenter: str, ner: bool | None = None) -> Any:
    key = f"{segmenter}:{ner}"
    if key not in _EXTRACTORS:
        from .api import Extractor

        _EXTRACTORS[key] = Extractor(segmenter=segmenter, ner=ner)
    return _EXTRACTORS[key]


def _parse(record: Any, position: int) -> dict:
    if isinstance(record, dict):
        return record
    from .io import _parse_jsonl_line

    parsed = list(_parse_jsonl_line(str(record), f"line:{position}", []))
    return parsed[0] if parsed else {"id": f"line:{position}", "text": "", "errors": []}


def extract_partition(records: Iterable[Any], segmenter: str = "builtin",
                      include_text: bool = False, ner: bool | None = None) -> list[dict]:
    """Extract one partition (article dicts or JSONL lines) into output dicts."""
    extractor = _extractor(segmenter, ner)
    out = []
    for position, record in enumerate(records):
        if isinstance(record, str) and not record.strip():
            continue
        article = _parse(record, position)
        out.append(extractor.extract_article(article, position).to_dict(include_text=include_text))
    return out


def extract_bag(source: Any, segmenter: str = "builtin", include_text: bool = False,
                blocksize: str | int | None = "16MiB", ner: bool | None = None):
    """A ``dask.bag`` of output dicts from a bag of articles or JSONL path(s)/glob."""
    import dask.bag as db

    bag = source
    if isinstance(source, (str, list, tuple)):
        bag = db.read_text(source, blocksize=blocksize)
    return bag.map_partitions(extract_partition, segmenter=segmenter, include_text=include_text, ner=ner)


def run_on_dask(paths: list[str], scheduler: str | None = None, segmenter: str = "builtin",
                include_text: bool = False, n_workers: int = 2, ner: bool | None = None) -> Iterator[dict]:
    """Yield output dicts in input order, computed on a Dask cluster.

    ``scheduler`` is a ``tcp://host:port`` address; without one a ``LocalCluster``
    of ``n_workers`` processes is started for the run.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = extract_bag(paths, segmenter=segmenter, include_text=include_text, ner=ner)
        futures = client.compute(bag.to_delayed())
        for future in futures:  # in partition order, each as soon as it is ready
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
