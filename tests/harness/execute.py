"""Running a notebook on the real evcxr kernel."""
from __future__ import annotations

import queue
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_core.utils import ensure_async, run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellTimeoutError, DeadKernelError

from .paths import BUILD
from .rules import Problem, executed_problems

KERNEL = "rust"
KERNEL_LOGS = BUILD / "kernel-logs"
# The first code cell compiles the dependencies (tokio, plotters, the
# helpers crate): tens of seconds warm, a few minutes on a cold machine.
FIRST_CELL_TIMEOUT = 900
# Any other cell: demos are sized to finish in seconds on 2 cores.
CELL_TIMEOUT = 180
# Run after the last cell so that stderr printed late (evcxr can deliver it
# with the following cell) is still seen.
FLUSH_CELL = "std::thread::sleep(std::time::Duration::from_millis(300));"


class LateOutputClient(NotebookClient):
    """A NotebookClient that keeps stream output arriving after its cell ended.

    evcxr forwards the child process's stdout and stderr from a separate
    thread, tagged with the latest execute request. A line that is forwarded
    just after its cell went idle carries that finished cell's id, and the
    stock client silently drops messages for cells other than the running
    one. A panic message or a top-level `?` error could be lost that way, so
    this client records such stray stream messages instead. (It overrides a
    private method of nbclient, whose version requirements.txt pins.)
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # (index of the cell running when it arrived, stream name, text)
        self.late_streams: list[tuple[int, str, str]] = []

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    return
            else:
                self._keep_if_stream(msg, cell_index)

    def _keep_if_stream(self, msg, cell_index: int) -> None:
        if msg.get("msg_type") == "stream":
            content = msg.get("content", {})
            self.late_streams.append((cell_index, content.get("name", ""), content.get("text", "")))

    async def _async_drain(self, cell_index: int, quiet_for: float) -> None:
        """Collects whatever output is still in flight, until none comes for `quiet_for` s."""
        assert self.kc is not None
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=quiet_for))
            except queue.Empty:
                return
            self._keep_if_stream(msg, cell_index)

    drain = run_sync(_async_drain)


@dataclass
class Execution:
    """An executed notebook, what went wrong, and how long it took."""

    notebook: nbformat.NotebookNode
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    cell_seconds: list[float] = field(default_factory=list)


def execute(path: Path, name: str | None = None, cell_timeout: int = CELL_TIMEOUT) -> Execution:
    """Executes a notebook top to bottom in a fresh kernel, cell by cell.

    Errors do not stop the run (every problem is reported at once), but a
    timeout or a dead kernel does, since later cells would only cascade.
    """
    name = name or path.name
    nb = nbformat.read(path, as_version=4)
    first_code = next((c for c in nb.cells if c.cell_type == "code"), None)

    def timeout_for(cell) -> int:
        # Identity, not equality: two cells with the same source are still two cells.
        return FIRST_CELL_TIMEOUT if cell is first_code else cell_timeout

    client = LateOutputClient(
        nb,
        kernel_name=KERNEL,
        timeout_func=timeout_for,
        allow_errors=True,
        record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    result = Execution(notebook=nb)
    started = time.monotonic()
    flush = nbformat.v4.new_code_cell(FLUSH_CELL)
    KERNEL_LOGS.mkdir(parents=True, exist_ok=True)
    try:
        # The kernel's own output (cargo's build progress, evcxr's start-up
        # notes) goes to a log file, not into the test run's output.
        with open(KERNEL_LOGS / f"{path.stem}.log", "w") as kernel_log, \
                client.setup_kernel(stdout=kernel_log, stderr=kernel_log):
            for index, cell in enumerate(nb.cells):
                t0 = time.monotonic()
                client.execute_cell(cell, index)
                result.cell_seconds.append(time.monotonic() - t0)
            nb.cells.append(flush)
            client.execute_cell(flush, len(nb.cells) - 1)
            client.drain(len(nb.cells) - 1, quiet_for=0.5)
    except CellTimeoutError as e:
        index = len(result.cell_seconds) + 1
        result.problems.append(Problem(name, "timeout", f"the cell did not finish: {str(e).splitlines()[0]}", index))
    except RuntimeError as e:  # raised by jupyter_client when the kernel cannot start
        result.problems.append(Problem(
            name, "kernel-failed",
            f"{str(e).splitlines()[0]} (the kernel's log: {KERNEL_LOGS / (path.stem + '.log')})"))
    except DeadKernelError as e:
        index = len(result.cell_seconds) + 1
        result.problems.append(Problem(name, "kernel-died", str(e).splitlines()[0], index))
    finally:
        result.seconds = time.monotonic() - started
        if nb.cells and nb.cells[-1] is flush:
            # What the flush cell printed is late output of the cells before it.
            flush_index = len(nb.cells) - 1
            nb.cells.pop()
            client.late_streams += [
                (flush_index, o["name"], o["text"])
                for o in flush.get("outputs", []) if o.get("output_type") == "stream"
            ]
    attach_late_streams(nb, client.late_streams)
    for cell in nb.cells:
        coalesce_streams(cell)
    result.problems = executed_problems(nb, name) + result.problems
    return result


def attach_late_streams(nb, late: list[tuple[int, str, str]]) -> None:
    """Gives each stray stream message to the last code cell that ran before
    it arrived (stderr arriving late belongs to an earlier cell, as far as
    a reader can tell), so that the rules see it and the reader does too."""
    for arrived_during, name, text in late:
        earlier = [i for i, c in enumerate(nb.cells[:arrived_during]) if c.cell_type == "code"]
        target = nb.cells[earlier[-1]] if earlier else next(
            (c for c in nb.cells if c.cell_type == "code"), None)
        if target is not None:
            target.outputs.append(nbformat.v4.new_output("stream", name=name, text=text))


def coalesce_streams(cell) -> None:
    """Joins consecutive stdout (or stderr) outputs into one.

    evcxr sends every printed line as its own message; JupyterLab joins
    them on screen, but the site would show one box per line.
    """
    merged = []
    for out in cell.get("outputs", []):
        if (out.get("output_type") == "stream" and merged
                and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == out.get("name")):
            merged[-1]["text"] += out["text"]
        else:
            merged.append(out)
    if "outputs" in cell:
        cell["outputs"] = merged
