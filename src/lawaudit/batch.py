"""Many reports at once: which files a command line names, and auditing them in parallel.

Each file is read, extracted and audited inside a worker process, which sends back only its
`FileResult` (a few kilobytes): documents never cross a process boundary, so memory stays bounded
whatever the size of the batch. Results come back in input order, never completion order, so the
output is the same bytes for any `--jobs`. A file that fails, even one that kills its worker,
becomes that file's error and the batch goes on.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING

from lawaudit.model import FileResult

if TYPE_CHECKING:  # concurrent.futures is imported only when a batch runs in parallel
    from concurrent.futures import Future, ProcessPoolExecutor

REPORT_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".docx", ".html", ".htm", ".shtml", ".xhtml")
CLAIMS_SUFFIXES = (".json", ".yaml", ".yml")  # named or globbed only: in a folder, often outputs
GLOB_MAGIC = frozenset("*?[")
YEAR = re.compile(r"(?:19|20)\d\d")
PRELOAD = ("cli", "batch", "engine", "extract", "readers")  # imported once, before forking
WINDOW = 4  # files in flight per worker: enough to keep workers busy, few results held back


CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text`, with any lone surrogate or control character written as an escape, so every
    output format can hold it and a name or a message stays on one line.

    A file name that is not UTF-8 reaches Python with its bad bytes as surrogates: SARIF and -o
    files raised on them, and stdout wrote invalid UTF-8. They are shown as \\xNN, as `ls -b`
    shows them. A line break in a file name split the lines of --format concise and of error
    messages (issue 16): it is shown as \\n, a tab as \\t, other control characters as \\xNN.
    """
    if CONTROL.search(text):
        text = CONTROL.sub(lambda m: ESCAPES.get(m[0]) or _escape(ord(m[0])), text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file name gives (\\ud800 from an API caller)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


def shown(path: str) -> str:
    """A path as output writes it: "-" is <stdin>."""
    return "<stdin>" if path == "-" else printable(path)


def expand(args: Iterable[str]) -> list[str]:
    """Files to audit, each once: a folder gives its report files (recursively, sorted, hidden
    names skipped), a glob its matches (sorted; expanded here for shells that do not).

    A folder with no report file, or a glob that matches nothing, stays as given so that its
    audit reports the problem in its place, like a missing file.
    """
    out: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            out.extend(_folder(arg) or [arg])
        elif GLOB_MAGIC & set(arg) and not os.path.exists(arg):
            found = []
            for match in sorted(glob.glob(arg, recursive=True)):
                if os.path.isdir(match):
                    found.extend(_folder(match))
                elif match.lower().endswith(REPORT_SUFFIXES + CLAIMS_SUFFIXES):
                    found.append(match)
            out.extend(found or [arg])
        else:
            out.append(arg)
    seen: set[str] = set()
    unique = []
    for p in out:
        if os.path.normpath(p) not in seen:
            seen.add(os.path.normpath(p))
            unique.append(p)
    return unique


def _folder(top: str) -> list[str]:
    """A folder's report files. Symbolic links to folders are not followed (a link loop would
    never end); a FIFO, socket or device is left out (reading one can block forever), but a
    dangling link stays, so that its audit says so."""
    found = []
    for root, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            path
            for f in files
            if not f.startswith(".")
            and f.lower().endswith(REPORT_SUFFIXES)
            and (os.path.isfile(path := os.path.join(root, f)) or not os.path.exists(path))
        ]
    return sorted(found, key=lambda p: PurePath(p).parts)


@dataclass(frozen=True)
class Options:
    """What a worker needs to audit a file; plain values, because rule modules do not pickle."""

    encoding: str | None = None
    modes: tuple[str, ...] = ("half-up", "half-even")
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    previous: tuple[tuple[str, str], ...] = ()  # (this year's file, last year's report)
    severity: tuple[tuple[str, str], ...] = ()  # (rule id, severity) from the configuration
    tolerance: str = "0"  # percentage points (config.py)
    rate_words: tuple[str, ...] = ()
    capped_words: tuple[str, ...] = ()
    lang: str = "en"  # of messages: zh | en


class PairingError(ValueError):
    """A --previous manifest that cannot be read; the CLI says so in one line, exit 2."""


def pair_previous(
    files: list[str], previous: str | None, manifest: str | None, auto: bool
) -> tuple[tuple[str, str], ...]:
    """Which report is each file's last year: one given, a manifest, or the same name a year
    earlier beside it (beijing-2026-gongzuo.txt -> beijing-2025-gongzuo.txt)."""
    pairs: dict[str, str] = {}
    if previous:
        pairs.update((os.path.normpath(f), previous) for f in files)
    if manifest:
        pairs.update(read_manifest(manifest))
    if auto:
        for f in files:
            folder, name = os.path.split(f)
            earlier = YEAR.sub(lambda m: str(int(m.group()) - 1), name)
            candidate = os.path.join(folder, earlier)
            if earlier != name and os.path.isfile(candidate):
                pairs.setdefault(os.path.normpath(f), candidate)
    return tuple(sorted(pairs.items()))


def read_manifest(path: str) -> dict[str, str]:
    """Lines "this-year<TAB>last-year" (or a comma); paths relative to the manifest's folder."""
    from lawaudit.readers.text import ReadError, load

    try:
        lines = load(path).decode("utf-8-sig").splitlines()
    except ReadError as e:
        raise PairingError(str(e)) from None
    except UnicodeDecodeError as e:
        raise PairingError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from None
    base = os.path.dirname(path)
    pairs = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in re.split(r"\t|,", line) if c.strip()]
        if len(cells) != 2:
            raise PairingError(f"{path}:{n}: expected 'this year<TAB>last year', got {line!r}")
        current, prev = (c if os.path.isabs(c) else os.path.join(base, c) for c in cells)
        pairs[os.path.normpath(current)] = prev
    return pairs


def audit_path(path: str, options: Options) -> FileResult:
    """The task a worker runs: the Python API's audit_path, with the run's options."""
    from lawaudit.api import audit_path as audit_one

    return audit_one(
        path,
        encoding=options.encoding,
        previous=dict(options.previous).get(os.path.normpath(path)),
        select=options.select,
        ignore=options.ignore,
        rounding=options.modes,
        severity=dict(options.severity),
        tolerance=options.tolerance,
        rate_words=options.rate_words,
        capped_words=options.capped_words,
        lang=options.lang,
    )


# Files of this run audited so far, and in all: what a stopped run says it finished.
PROGRESS = [0, 0]


def audit_all(paths: list[str], options: Options, jobs: int) -> Iterator[FileResult]:
    """FileResults in input order; in-process for one job or one file (no start-up cost)."""
    PROGRESS[:] = [0, len(paths)]
    for result in in_order(partial(audit_path, options=options), paths, jobs):
        yield result
        PROGRESS[0] += 1


def in_order(task: Callable[[str], FileResult], paths: list[str], jobs: int):
    """task(path) for each path, by up to `jobs` worker processes, yielded in input order.

    At most WINDOW * jobs files are in flight, so a slow file holds back only a few finished
    results, and the caller can write each result out before the next one arrives.
    """
    if jobs <= 1 or len(paths) <= 1:
        yield from map(task, paths)
        return
    from concurrent.futures.process import BrokenProcessPool

    # Past a few per core, more workers add no speed, only memory (some 20 MB each): a typo like
    # -j 1000 must not start a thousand processes.
    jobs = min(jobs, len(paths), 4 * default_jobs())
    pool = _pool(jobs)
    pending: deque[tuple[str, Future]] = deque()
    todo = iter(paths)
    try:
        while True:
            while len(pending) < WINDOW * jobs and (path := next(todo, None)) is not None:
                pending.append((path, _submit(pool, task, path)))
            if not pending:
                return
            path, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in C code) and took every
                # unfinished file of the pool with it. Run this one alone to tell whether it
                # is the cause; give the others to a fresh pool.
                pool.shutdown(cancel_futures=True)
                yield _alone(task, path)
                pool = _pool(jobs)
                pending = deque((p, f if _ok(f) else _submit(pool, task, p)) for p, f in pending)
            except Exception as e:  # the task raised, or its result could not come back
                yield _internal(path, e)
    except BaseException:  # Ctrl-C, SIGTERM, or the reader stopped: end the workers now
        _kill(pool)  # shutdown() alone waits for every file in progress (seconds)
        raise
    finally:
        pool.shutdown(cancel_futures=True)
        _POOLS.discard(pool)


_POOLS: set = set()  # live pools, so that a stopped run can end their workers at once


def stop_workers() -> None:
    """End every worker process now: the run was stopped by a signal."""
    for pool in list(_POOLS):
        _kill(pool)


def _kill(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for p in processes:
        with contextlib.suppress(OSError, ValueError):  # already gone
            p.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        p.join(1)
    _POOLS.discard(pool)


def _ok(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _submit(pool: ProcessPoolExecutor, task, path: str) -> Future:
    if path != "-":
        return pool.submit(task, path)
    from concurrent.futures import Future

    done: Future = Future()  # standard input belongs to this process: read it here
    done.set_result(task(path))
    return done


def _alone(task, path: str) -> FileResult:
    from concurrent.futures.process import BrokenProcessPool

    with _pool(1) as pool:
        try:
            return pool.submit(task, path).result()
        except BrokenProcessPool:
            return FileResult(path=shown(path), error="internal error: the worker process died")
        except Exception as e:
            return _internal(path, e)


def _internal(path: str, e: Exception) -> FileResult:
    if os.environ.get("LAWAUDIT_DEBUG"):
        raise e
    message = printable(f"internal error: {e.__class__.__name__}: {e}")
    return FileResult(path=shown(path), error=message)


def _pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        _import_audit_code()  # once here, not once per worker
    elif method == "forkserver":
        context.set_forkserver_preload([f"lawaudit.{m}" for m in PRELOAD])
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_signals)
    _POOLS.add(pool)
    return pool


def start_method() -> str:
    """Workers fork from this process when it runs no other thread: they start warm, with the
    audit code imported and its patterns compiled, at no cost. Forking a threaded process can
    deadlock, so otherwise (a caller's threads; macOS, where fork is unsafe) they fork from a
    clean server process that imports the audit code once; `spawn` where neither exists.
    """
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _import_audit_code() -> None:
    """Import the audit code, every extractor too (extract() imports them on first use)."""
    import importlib
    import pkgutil

    for module in PRELOAD:
        importlib.import_module(f"lawaudit.{module}")
    extract = importlib.import_module("lawaudit.extract")
    for info in pkgutil.iter_modules(extract.__path__):
        importlib.import_module(f"lawaudit.extract.{info.name}")


def _worker_signals() -> None:
    """Ctrl-C goes to the whole process group: let the parent alone stop the batch. SIGTERM
    and SIGHUP kill a worker at once (a forked worker inherits the parent's handlers, which
    would send the signal back as a file's result), and so does its parent's death on Linux,
    however the parent died: a worker never outlives the run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_DFL)
    if sys.platform == "linux":
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers)
    except AttributeError:
        return os.cpu_count() or 1
