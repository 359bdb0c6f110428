"""Type stubs for Dateline's native module (``dateline._dateline``)."""

import datetime
import os
from typing import Any, Iterable, Literal, Mapping, Optional, Sequence, Tuple, Union

import pandas
import polars
import pyarrow

__version__: str

PathLike = Union[str, "os.PathLike[str]"]
Paths = Union[PathLike, Iterable[PathLike]]
DateLike = Union[str, datetime.date]
OnError = Literal["warn", "raise", "ignore"]
InputFormat = Literal["dateline", "text", "jsonl", "html", "feed", "warc"]

class DatelineError(Exception):
    """An error that stops a call: a missing or bad dictionary, a bad store
    URL, a bad filter, or input problems under ``on_error="raise"``."""

class DatelineWarning(UserWarning):
    """A problem with one input, record or article, named with its position."""

class Table:
    """Record batches behind the Arrow PyCapsule interface.

    ``pyarrow.table(t)``, ``polars.DataFrame(t)`` and DuckDB read it without
    copying. Event tables have the columns of the Parquet export."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """An ArrowArrayStream PyCapsule over the batches."""
    def __arrow_c_schema__(self) -> object:
        """An ArrowSchema PyCapsule."""
    def __len__(self) -> int: ...
    @property
    def num_rows(self) -> int:
        """Rows in the table."""
    @property
    def column_names(self) -> list[str]:
        """Column names, in order."""
    @property
    def problems(self) -> list[str]:
        """``"error: INPUT:POSITION: message"`` or ``"warning: ..."`` per problem."""
    @property
    def n_errors(self) -> int:
        """Problems that are errors (a record, article or input not read)."""
    @property
    def articles(self) -> int:
        """Articles read."""
    @property
    def failed_inputs(self) -> int:
        """Inputs with at least one error."""
    def to_pyarrow(self) -> pyarrow.Table:
        """The table as a ``pyarrow.Table`` (needs pyarrow)."""
    def to_pandas(self) -> pandas.DataFrame:
        """The table as a ``pandas.DataFrame`` (needs pandas and pyarrow)."""
    def to_polars(self) -> polars.DataFrame:
        """The table as a ``polars.DataFrame`` (needs polars)."""

class Pipeline:
    """Read, segment, tag, recognise, code: built once, used on all cores
    with the GIL released."""

    def __init__(
        self,
        *,
        kb: Optional[Paths] = None,
        verbs: Optional[Paths] = None,
        actors: Optional[Paths] = None,
        agents: Optional[Paths] = None,
        discards: Optional[Paths] = None,
        issues: Optional[Paths] = None,
        petrarch_config: Optional[PathLike] = None,
        no_builtin: bool = False,
        strict: bool = False,
        require_dyad: Optional[bool] = None,
        new_actor_length: Optional[int] = None,
        comma_min: Optional[int] = None,
        comma_max: Optional[int] = None,
        comma_bmin: Optional[int] = None,
        comma_bmax: Optional[int] = None,
        comma_emin: Optional[int] = None,
        comma_emax: Optional[int] = None,
        engine: Optional[str] = None,
        jobs: Optional[int] = None,
    ) -> None:
        """Loads the knowledge base (built-in and the CLI's knowledge
        options); ``jobs`` threads (default one per core)."""
    @property
    def jobs(self) -> int:
        """The number of worker threads."""
    def code(
        self,
        inputs: Iterable[Union[str, Mapping[str, Any]]],
        *,
        date: Optional[DateLike] = None,
        on_error: OnError = "warn",
    ) -> Table:
        """Codes texts (``str``) and records (``dict`` with ``text`` or
        ``html``, ``id``, ``url``, ``date``, ...); returns the event table."""
    def code_files(
        self,
        paths: Paths,
        *,
        date: Optional[DateLike] = None,
        input_format: Optional[InputFormat] = None,
        utf8: Literal["lossy", "strict"] = "lossy",
        max_article_bytes: Optional[int] = None,
        on_error: OnError = "warn",
    ) -> Table:
        """Reads and codes files and directories; returns the event table."""
    def read(
        self,
        paths: Paths,
        *,
        date: Optional[DateLike] = None,
        input_format: Optional[InputFormat] = None,
        utf8: Literal["lossy", "strict"] = "lossy",
        max_article_bytes: Optional[int] = None,
        on_error: OnError = "warn",
    ) -> Table:
        """Reads and segments articles; returns the article table."""

class Store:
    """A SQLite file or PostgreSQL database of merged events."""

    def __init__(
        self, location: str, *, mode: Literal["existing", "create"] = "existing"
    ) -> None: ...
    def events(
        self,
        *,
        actor: Optional[str] = None,
        source: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        quad: Optional[int] = None,
        country: Optional[str] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        near: Optional[Union[Tuple[float, float, float], str]] = None,
        text: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Table:
        """Matching events, newest first, with merge counts and mentions."""
    def timeline(
        self,
        by: Literal["day", "week", "month"] = "month",
        *,
        actor: Optional[str] = None,
        source: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        quad: Optional[int] = None,
        country: Optional[str] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        near: Optional[Union[Tuple[float, float, float], str]] = None,
        text: Optional[str] = None,
    ) -> Table:
        """Events per period: ``period``, ``events``, ``mentions``, ``mean_goldstein``."""
    def network(
        self,
        limit: int = 100,
        *,
        actor: Optional[str] = None,
        source: Optional[str] = None,
        target: Optional[str] = None,
        code: Optional[str] = None,
        quad: Optional[int] = None,
        country: Optional[str] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        near: Optional[Union[Tuple[float, float, float], str]] = None,
        text: Optional[str] = None,
    ) -> Table:
        """Source-target pairs: ``source``, ``target``, ``events``, ``mentions``, ``mean_goldstein``."""
    def ingest(
        self,
        pipeline: Pipeline,
        paths: Paths,
        *,
        batch: int = 256,
        date: Optional[DateLike] = None,
        input_format: Optional[InputFormat] = None,
        on_error: OnError = "warn",
    ) -> dict[str, Any]:
        """Reads, codes and stores files; returns counts and problems."""
    def stats(self) -> dict[str, int]:
        """Row counts."""

def event_schema() -> Table:
    """An empty event table: ``pyarrow.schema(dateline.event_schema())``."""
