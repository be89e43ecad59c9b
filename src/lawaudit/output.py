"""Where output goes, and how the process ends: files written safely, streams that may be closed,
full or gone, and signals (issue 16). Used by cli.py only.

- `-o FILE`: a regular file (or a new one) is written to a temporary file beside it, renamed
  over it once complete, with the old file's permission bits; a crash, Ctrl-C or SIGTERM leaves
  the old file and no temporary file. Anything else — a device (/dev/null, /dev/full), a FIFO,
  a symbolic link (/dev/stdout) — is written in place, through the link: renaming over it would
  replace the device node or the link with a regular file.
- Standard output: a reader that closes the pipe early (`| head`) ends the output, not the
  audit: the rest is discarded, and the exit code is the audit's verdict, as if it had all been
  read. A full disk is a one-line error, exit 2; so is standard output closed (`>&-`) when the
  report is to go there. A closed standard input is reported when "-" is read.
- Ctrl-C, SIGTERM and SIGHUP stop the run at once: temporary files are removed, worker
  processes stopped, the old -o file kept; one line says so ("lawaudit: interrupted") and the
  exit code is 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM).
"""

from __future__ import annotations

import os
import signal
import stat
import sys
from contextlib import contextmanager, suppress
from pathlib import Path


class OutputError(Exception):
    """Output that cannot be written: one line for the user, exit code 2."""


class Stopped(BaseException):
    """SIGTERM or SIGHUP: raised in the main thread like KeyboardInterrupt, so `finally` blocks
    (temporary files, worker processes) run. A BaseException, so `except Exception` in a batch
    does not take it for a file's error."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


CLOSED: set[str] = set()  # the standard streams that were closed when the process started
_reader_gone = False


def guard_streams() -> None:
    """Give each closed standard stream (0, 1, 2) /dev/null, so that no file this process opens
    lands on its number, and remember which were closed: a report for a closed standard output
    is an error, not silence."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            CLOSED.add(name)
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    if "stdout" in CLOSED or sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the process's life
    if "stderr" in CLOSED or sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - nowhere to tell the user anyway


STOPPING = tuple(
    s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None
)


def _stop(signum, frame) -> None:
    for sig in STOPPING:  # the first signal wins: a second must not cut the cleanup short
        signal.signal(sig, signal.SIG_IGN)
    raise Stopped(signum)


def handle_signals() -> None:
    """Ctrl-C, SIGTERM and SIGHUP raise Stopped in the main thread. SIGTERM's default kills the
    process at once, leaving a temporary file and worker processes that hold the output pipes
    open; Ctrl-C's KeyboardInterrupt is turned by typer into a silent exit 130."""
    for sig in STOPPING:
        if signal.getsignal(sig) in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(sig, _stop)


WHY = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


def signal_exit(signum: int) -> tuple[str, int]:
    """The line to print and the exit code (128 + the signal's number) for a stopped run."""
    why = WHY.get(signum) or f"stopped by {signal.Signals(signum).name}"
    return f"lawaudit: {why}", 128 + signum


class StdOut:
    """Writes to whatever sys.stdout is at the time: the progress bar may be redirecting it."""

    def write(self, text: str) -> None:
        if "stdout" in CLOSED:
            raise OutputError("standard output is closed: give -o FILE, or somewhere to write")
        if _reader_gone:
            return
        try:
            try:
                sys.stdout.write(text)
            except UnicodeEncodeError:  # a console or pipe in GBK, say: escape what it cannot hold
                encoding = sys.stdout.encoding or "utf-8"
                sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))
        except BrokenPipeError:
            reader_gone()
        except OSError as e:
            raise OutputError(f"cannot write to standard output: {e.strerror or e}") from None

    def flush(self) -> None:
        flush_stdout()


def reader_gone() -> None:
    """The reader of standard output closed it (`| head`): drop the rest of the output quietly.
    Standard output becomes /dev/null, so that the interpreter's last flush cannot fail."""
    global _reader_gone
    _reader_gone = True
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)


def flush_stdout() -> None:
    """Flush standard output before exit, where a full disk or a gone reader shows."""
    if "stdout" in CLOSED or sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        reader_gone()
    except OSError as e:
        reader_gone()  # so the interpreter's own last flush does not fail again
        raise OutputError(f"cannot write to standard output: {e.strerror or e}") from None


@contextmanager
def opened(path: str | None):
    """Standard output, or the file `path`: a regular file by a temporary file renamed over it
    once complete (a crash or a signal leaves the old file); anything else in place."""
    if path is None:
        out = StdOut()
        yield out
        out.flush()
        return
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {path}: is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        yield from _in_place(path)  # a device, FIFO or symbolic link: write to it, keep it
    else:
        yield from _atomic(path, st)


def _in_place(path: str):
    try:
        with open(path, "w", encoding="utf-8", errors="backslashreplace") as f:
            yield f
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None


def _atomic(path: str, old: os.stat_result | None):
    import tempfile  # here, not at the top: only -o needs it (start-up time)

    target = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        # backslashreplace: a lone surrogate (from a claims file's "\\ud800", say) is written
        # as an escape instead of losing the whole file
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
            yield f
        if old is None:
            os.chmod(tmp, 0o666 & ~current_umask())  # a new file's usual mode, not mkstemp's 0600
        else:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))  # the old file's bits: 0600 stays 0600
            if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
                with suppress(OSError):  # root writing another user's file
                    os.chown(tmp, old.st_uid, old.st_gid)
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    finally:
        if tmp:
            with suppress(OSError):
                os.unlink(tmp)


def write_atomically(path: str, text: str) -> None:
    with opened(path) as f:
        f.write(text)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
