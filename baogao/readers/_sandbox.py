"""Running a reader's library on an untrusted file in a child process with bounded memory and time.

Used by readers whose library inflates and interprets the file in native code beyond our
control (pdfium for .pdf): the work is forked into a child whose address space may grow by
at most MEMORY_BYTES and that is killed after SECONDS. A file that exceeds either gets a
ReadError saying so, and the batch goes on; the parent never holds the library's state.
A fork costs a few milliseconds: nothing is imported again.
"""

from __future__ import annotations

import ctypes
import faulthandler
import os
import pickle
import resource
import select
import signal
import struct
from collections.abc import Callable
from typing import TypeVar

from baogao.readers.base import ReadError
from baogao.workers import ended_by_ctrl_c, forking

MEMORY_BYTES = 1536 * 1024 * 1024  # beyond what the process already has mapped
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when the thread that forked it ends
# found now, not in the child (a dlopen in a forked child may meet a loader lock held); Linux's alone has it
_prctl = getattr(ctypes.CDLL(None, use_errno=True), "prctl", None)
SECONDS = 120
_PAGE = os.sysconf("SC_PAGE_SIZE")

Result = TypeVar("Result")


def sandboxed(function: Callable[[bytes], Result], raw: bytes, *, what: str) -> Result:
    """`function(raw)` in a child process; its ReadError is raised here as it was, any other
    failure becomes a ReadError naming `what` (the format)."""
    memory, seconds = MEMORY_BYTES, SECONDS
    read_end, write_end = os.pipe()
    parent = os.getpid()
    with forking():  # SIGINT held until the child's first step (a Ctrl-C there ends it quietly)
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child(function, raw, write_end, memory, parent)
    os.close(write_end)
    data: bytes | None = None  # (a Ctrl-C while reading: the child is killed, the interrupt goes on)
    try:
        data = _read_all(read_end, seconds)
    finally:
        os.close(read_end)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if data is None:
        raise ReadError(f"took longer than {seconds:g} s to read as a {what}; refused (a hostile or broken file?)")
    if not data:
        reason = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"status {os.WEXITSTATUS(status)}"
        raise ReadError(f"cannot be read as a {what}: its reader stopped ({reason}), most likely at the limit of "
                        f"{memory // 2**20} MiB of memory (a hostile or broken file?)")
    kind, value = pickle.loads(data)
    if kind == "ok":
        return value
    raise ReadError(value)


def _child(function: Callable[[bytes], object], raw: bytes, out: int, memory: int, parent: int) -> None:
    code = 0
    try:
        # killed with the process that reads (a worker SIGTERM ended: `baogao.workers`), whose clock bounds its time and
        # which no Ctrl-C-like signal of the terminal's group reached: else it read on without a limit, holding the build's locks
        if _prctl is not None:
            _prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # (ended before that)
            os._exit(1)
        ended_by_ctrl_c()
        faulthandler.disable()  # a library that aborts at the memory limit: no traceback dump
        with open("/proc/self/statm") as statm:
            mapped = int(statm.read().split()[0]) * _PAGE
        resource.setrlimit(resource.RLIMIT_AS, (mapped + memory, mapped + memory))
        try:
            result: tuple[str, object] = ("ok", function(raw))
        except ReadError as err:
            result = ("error", str(err))
        except MemoryError:
            result = ("error", f"needs more than {memory // 2**20} MiB to read; refused (a hostile or broken file?)")
        except Exception as err:  # the library's own errors: the file, not a bug of ours
            result = ("error", f"cannot be read ({type(err).__name__}: {err})")
        data = pickle.dumps(result)
        os.write(out, struct.pack("<Q", len(data)))
        view = memoryview(data)
        while view:
            view = view[os.write(out, view):]
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _read_all(fd: int, seconds: float) -> bytes | None:
    """What the child sent (b"" when it died first), or None when it ran out of time."""
    import time

    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    data = b"".join(chunks)
    if len(data) < 8 or len(data) != 8 + struct.unpack("<Q", data[:8])[0]:
        return b""
    return data[8:]
