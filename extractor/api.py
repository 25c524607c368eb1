"""The library interface: ``Extractor().extract(text)`` → ``Result``.

A ``Result`` serializes to the contract's JSON (``to_dict``) and to pandas
tables. One article's failure never escapes: it becomes that article's
``errors`` and the batch goes on.
"""

from __future__ import annotations

import bisect
import datetime as dt
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .inputs import BATCH_SIZE, MAX_CHARS, prepare
from .mentions import Mention
from .pipeline import load

if TYPE_CHECKING:  # pandas costs ~0.15 s to import; only the table methods need it
    import pandas as pd

__all__ = ["Article", "Extractor", "Result"]

Article = dict[str, Any]  # {"id", "text", "date"} as read from JSONL or a file


@dataclass
class Result:
    """One article's extraction, in the shape of ``EXTRACTION.md``."""

    id: str | None
    date: dt.date | None
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "date": self.date.isoformat() if self.date else None,
                               "entities": self.entities, "events": self.events,
                               "errors": self.errors}
        if include_text:
            out["text"] = self.text
        return out

    def entities_frame(self) -> pd.DataFrame:
        """One row per entity mention (article id, label, offsets, values)."""
        columns = ["doc_id", "id", "label", "start", "end", "text", "value", "qualifier", "unit",
                   "mod", "score", "source", "reason"]
        import pandas as pd

        rows = [{"doc_id": self.id, **entity} for entity in self.entities]
        return pd.DataFrame(rows, columns=sorted(set(columns) | {k for r in rows for k in r},
                                                 key=lambda c: (c not in columns, columns.index(c)
                                                                if c in columns else 0, c)))

    def events_frame(self) -> pd.DataFrame:
        """One row per event argument (events without arguments get one row)."""
        import pandas as pd

        by_id = {entity["id"]: entity for entity in self.entities}
        rows = []
        for event in self.events:
            base = {"doc_id": self.id, "event_id": event["id"], "type": event["type"],
                    "status": event["status"], "trigger": event["trigger"]["text"],
                    "trigger_start": event["trigger"]["start"]}
            args = event.get("args") or [{"role": None, "ref": None}]
            for arg in args:
                filler = by_id.get(arg["ref"], {})
                rows.append({**base, "role": arg["role"], "ref": arg["ref"],
                             "arg_label": filler.get("label"), "arg_text": filler.get("text")})
        return pd.DataFrame(rows, columns=["doc_id", "event_id", "type", "status", "trigger",
                                           "trigger_start", "role", "ref", "arg_label", "arg_text"])


_CONTRACT_KEYS = {
    "QUANTITY": ("value", "min", "max", "qualifier", "unit"),
    "TIME": ("value", "mod"),
}


def _entity_dict(mention: Mention, index: int, text: str, sentence: int | None) -> dict[str, Any]:
    entity: dict[str, Any] = {"id": f"m{index}", "label": mention.label, "start": mention.start,
                              "end": mention.end, "text": text[mention.start:mention.end]}
    for key in _CONTRACT_KEYS.get(mention.label, ()):
        entity[key] = mention.attrs.get(key)
    for key, value in mention.attrs.items():
        entity.setdefault(key, value)
    entity.update({"score": round(float(mention.score), 3), "source": mention.source,
                   "reason": mention.reason, "sentence": sentence})
    return entity


class Extractor:
    """Loads the pipeline once and extracts articles one by one or in batches."""

    def __init__(self, nlp: Language | None = None, segmenter: str = "builtin",
                 max_chars: int = MAX_CHARS, ner: bool | None = None, ner_model: str | None = None) -> None:
        """``ner``: add the statistical tagger (``None``: when ``models/ner`` is installed);
        ``ner_model``: the folder of another trained tagger."""
        self.options = {"segmenter": segmenter, "ner": ner, "ner_model": ner_model}
        self.nlp = nlp if nlp is not None else load(segmenter=segmenter, ner=ner, ner_model=ner_model)
        self.max_chars = max_chars

    def extract(self, text: Any, date: Any = None, doc_id: str | None = None) -> Result:
        """Extract one article; never raises for bad content."""
        return self._extract_batch([(text, date, doc_id, [])])[0]

    def extract_article(self, article: Article | str, position: int = 0) -> Result:
        """Extract one article record, keeping the errors its reader found."""
        return self.extract_many([article], position)[0]

    def extract_many(self, articles: list[Article | str], first_position: int = 0) -> list[Result]:
        """Extract a minibatch: the components run over all its docs at once
        (``component.pipe``, as in ``nlp.pipe``), which is what makes the
        statistical tagger affordable; one bad article still fails alone."""
        return self._extract_batch([_unpack(article, first_position + offset)
                                    for offset, article in enumerate(articles)])

    def pipe(self, articles: Iterable[Article | str], n_process: int = 1,
             batch_size: int = BATCH_SIZE) -> Iterator[Result]:
        """Extract many articles, in input order; ``n_process > 1`` uses worker processes."""
        if n_process <= 1:
            position = 0
            for batch in minibatch(articles, batch_size):
                yield from self.extract_many(batch, position)
                position += len(batch)
            return
        from .batch import parallel_map  # late import: multiprocessing machinery

        yield from parallel_map(articles, n_process=n_process, batch_size=batch_size, options=self.options)

    def _extract_batch(self, items: list[tuple[Any, Any, str | None, list[str]]]) -> list[Result]:
        results, pending = [], []
        for text, date, doc_id, read_errors in items:
            if read_errors and not isinstance(text, str):
                results.append(Result(doc_id, None, "", errors=list(read_errors)))
                continue
            prepared = prepare(text, date, self.max_chars)
            result = Result(doc_id, prepared.date, prepared.text, errors=[*read_errors, *prepared.errors])
            results.append(result)
            if not prepared.skip:
                pending.append((result, prepared))
        if len(pending) > 1:
            try:
                docs = self._run([self._make_doc(result, prepared) for result, prepared in pending])
                for (result, prepared), doc in zip(pending, docs):
                    _collect(result, doc, prepared.header_end)
                return results
            except Exception:  # noqa: BLE001 - redo one by one so only the culprit fails
                for result, _ in pending:
                    result.entities, result.events = [], []
        for result, prepared in pending:
            try:
                _collect(result, self._run([self._make_doc(result, prepared)])[0], prepared.header_end)
            except Exception as error:  # a component failing must not lose the article
                result.entities, result.events = [], []
                where = traceback.extract_tb(error.__traceback__)[-1]
                result.errors.append(f"extraction failed: {type(error).__name__}: {error} "
                                     f"(at {where.name}, line {where.lineno})")
        return results

    def _make_doc(self, result: Result, prepared: Any) -> Doc:
        doc = self.nlp.make_doc(prepared.matching_text)
        doc._.article_date = result.date
        doc._.doc_id = result.id
        return doc

    def _run(self, docs: list[Doc]) -> list[Doc]:
        for _name, component in self.nlp.pipeline:
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs))
            else:
                docs = [component(doc) for doc in docs]
        return docs


def _collect(result: Result, doc: Doc, header_end: int) -> None:
    """Turn the finished doc into the contract's entities and events."""
    mentions = [m for m in (doc._.mentions or []) if m.start >= header_end]
    sentence_of = _sentence_index(doc)
    ids: dict[int, str] = {}
    for index, mention in enumerate(mentions, start=1):
        ids[id(mention)] = f"m{index}"
        result.entities.append(_entity_dict(mention, index, result.text, sentence_of(mention.start)))
    for event in doc._.events or []:
        if event.trigger_start < header_end:
            continue
        as_dict = event.to_dict(ids, result.text)
        if as_dict["args"]:
            result.events.append(as_dict)
    for number, event in enumerate(result.events, start=1):
        event["id"] = f"v{number}"


def _unpack(article: Article | str, position: int) -> tuple[Any, Any, str, list[str]]:
    """(text, date, id, errors the reader already found) of one input record."""
    if not isinstance(article, dict):
        return article, None, str(position), []
    doc_id = article.get("id")
    return (article.get("text"), article.get("date"), str(doc_id if doc_id is not None else position),
            list(article.get("errors") or []))


def _sentence_index(doc):
    starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def find(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    return find
