"""Running a notebook on the real evcxr kernel."""
from __future__ import annotations

import datetime
import functools
import json
import os
import platform
import queue
import subprocess
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_core.utils import ensure_async, run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellTimeoutError, DeadKernelError

from .paths import BUILD
from .rules import Problem, cell_text, claims, error_text, executed_problems, verdict_names
from .site import source_fingerprint
from .wrong_answers import WrongAnswer, exercise_labels, exercise_stubs, fail_lines, folder_for, judge, load

KERNEL = "rust"
KERNEL_LOGS = BUILD / "kernel-logs"
# The first code cell compiles the dependencies (tokio, plotters, the
# helpers crate): tens of seconds warm, a few minutes on a cold machine.
FIRST_CELL_TIMEOUT = 900
# Any other cell: demos are sized to finish in seconds on 2 cores.
CELL_TIMEOUT = 180
# A wrong answer's cell (see wrong_answers.py): a check runs in seconds; one
# that hangs on a learner's mistake is a bug in the check.
WRONG_ANSWER_TIMEOUT = 60
# What each wrong answer printed, one JSON file per notebook.
WRONG_ANSWER_REPORTS = BUILD / "wrong-answers"
# Run after the last cell so that stderr printed late (evcxr can deliver it
# with the following cell) is still seen.
FLUSH_CELL = "std::thread::sleep(std::time::Duration::from_millis(300));"
# Run after the last cell (and removed again) to learn where evcxr compiled
# the notebook's code: its Cargo.lock names the crate versions that ran.
COMPILE_DIR_PROBE = ":last_compile_dir"
# Crates whose resolved versions the execution report lists.
REPORTED_CRATES = ("tokio", "tokio-util", "tokio-stream", "futures", "plotters")
# Where an executed notebook carries its execution report (see `report`).
REPORT_KEY = "course_execution"


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
    # When, how long, and with what (see `report`); also stored in the
    # executed notebook's metadata under REPORT_KEY.
    report: dict = field(default_factory=dict)
    # One record per wrong answer run (see `run_wrong_answer`), and the
    # time they took together (included in `seconds`).
    wrong_answers: list[dict] = field(default_factory=list)
    wrong_answer_seconds: float = 0.0


class StopRun(Exception):
    """A wrong answer's cell timed out: the kernel is still busy with it."""


@functools.cache
def command_output(*command: str, cwd: str | None = None) -> str:
    """A command's stdout (cached), or "unknown (...)" if it cannot run."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=cwd)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unknown ({e})"
    return done.stdout.strip() or f"unknown (exit {done.returncode})"


def core_count() -> int:
    """The cores this process (and the kernels it starts) may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 0


def resolved_crates(compile_dir: Path) -> dict[str, str]:
    """Versions of REPORTED_CRATES in the Cargo.lock of evcxr's build folder."""
    try:
        lock = tomllib.loads((compile_dir / "Cargo.lock").read_text())
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    versions: dict[str, list[str]] = {}
    for package in lock.get("package", []):
        if package.get("name") in REPORTED_CRATES:
            versions.setdefault(package["name"], []).append(package.get("version", "?"))
    return {name: ", ".join(sorted(v)) for name, v in sorted(versions.items())}


def report(path: Path, executed_at: datetime.datetime, seconds: float,
           kernel_version: str, crates: dict[str, str]) -> dict:
    """What a reader needs to judge the published outputs: when the notebook
    ran, how long it took, and the toolchain, crates and cores it ran with."""
    return {
        "executed_at": executed_at.isoformat(timespec="seconds"),
        "seconds": round(seconds, 1),
        # The rustc that evcxr runs: the one on PATH in the notebook's folder
        # (a rust-toolchain file there would change it).
        "rustc": command_output("rustc", "--version", cwd=str(path.parent)),
        "evcxr_jupyter": kernel_version,
        "tokio": crates.get("tokio", "not used"),
        "crates": crates,
        "cores": core_count(),
        "cpu": cpu_model(),
        "os": platform.platform(terse=True),
    }


@functools.cache
def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def execute(path: Path, name: str | None = None, cell_timeout: int = CELL_TIMEOUT,
            kernel: str = KERNEL, with_wrong_answers: bool = True) -> Execution:
    """Executes a notebook top to bottom in a fresh kernel, cell by cell.

    Right after each exercise's stub cell, every known wrong answer of that
    exercise (from `wrong_answers.folder_for`; none if not
    `with_wrong_answers`) runs in its place, where a learner would type it,
    and must fail its check with the hint that names it; the executed
    notebook keeps none of them. Errors do not stop the run (every problem
    is reported at once), but a timeout or a dead kernel does, since later
    cells would only cascade.
    """
    name = name or path.name
    # Taken before reading: if the sources change while the notebook runs,
    # the executed copy must not pass for one made from the new sources.
    fingerprint = source_fingerprint(path)
    nb = nbformat.read(path, as_version=4)
    first_code = next((c for c in nb.cells if c.cell_type == "code"), None)
    answers, answer_problems = (load(folder_for(path), name, exercise_labels(nb))
                                if with_wrong_answers else ([], []))
    stubs = exercise_stubs(nb)
    after_stub: dict[int, list[WrongAnswer]] = {}
    for answer in answers:
        if answer.label in stubs:
            after_stub.setdefault(stubs[answer.label], []).append(answer)
        else:
            answer_problems.append(Problem(
                name, "wrong-answer-orphan",
                f"{answer.where}: exercise {answer.label!r} has no cell tagged exercise-stub to stand in for"))
    wrong_cells: set[int] = set()

    def timeout_for(cell) -> int:
        # Identity, not equality: two cells with the same source are still two cells.
        if id(cell) in wrong_cells:
            return WRONG_ANSWER_TIMEOUT
        return FIRST_CELL_TIMEOUT if cell is first_code else cell_timeout

    client = LateOutputClient(
        nb,
        kernel_name=kernel,
        timeout_func=timeout_for,
        allow_errors=True,
        record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    result = Execution(notebook=nb, problems=answer_problems)
    executed_at = datetime.datetime.now(datetime.timezone.utc)
    started = time.monotonic()
    flush = nbformat.v4.new_code_cell(FLUSH_CELL)
    probe = nbformat.v4.new_code_cell(COMPILE_DIR_PROBE)
    kernel_version = "unknown"
    crates: dict[str, str] = {}
    KERNEL_LOGS.mkdir(parents=True, exist_ok=True)
    try:
        # The kernel's own output (cargo's build progress, evcxr's start-up
        # notes) goes to a log file, not into the test run's output.
        with open(KERNEL_LOGS / f"{path.stem}.log", "w") as kernel_log, \
                client.setup_kernel(stdout=kernel_log, stderr=kernel_log):
            kernel_version = kernel_implementation_version(client)
            # A copy: wrong answers are put in after their stub and taken out again.
            for index, cell in enumerate(list(nb.cells)):
                t0 = time.monotonic()
                client.execute_cell(cell, index)
                result.cell_seconds.append(time.monotonic() - t0)
                for answer in after_stub.get(index, []):
                    run_wrong_answer(client, nb, index, answer, result, name, wrong_cells)
            result.seconds = time.monotonic() - started
            # Before the flush cell, so that late output of the last cell
            # arriving now is still given to that cell.
            nb.cells.append(probe)
            client.execute_cell(probe, len(nb.cells) - 1)
            crates = resolved_crates(Path(text_plain(probe).strip()))
            nb.cells.append(flush)
            client.execute_cell(flush, len(nb.cells) - 1)
            client.drain(len(nb.cells) - 1, quiet_for=0.5)
    except StopRun:
        pass
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
        if not result.seconds:
            result.seconds = time.monotonic() - started
        if nb.cells and nb.cells[-1] is flush:
            # What the flush cell printed is late output of the cells before it.
            flush_index = len(nb.cells) - 1
            nb.cells.pop()
            client.late_streams += [
                (flush_index, o["name"], o["text"])
                for o in flush.get("outputs", []) if o.get("output_type") == "stream"
            ]
        if nb.cells and nb.cells[-1] is probe:
            nb.cells.pop()
    attach_late_streams(nb, client.late_streams)
    for cell in nb.cells:
        coalesce_streams(cell)
    result.problems = executed_problems(nb, name) + result.problems
    save_wrong_answer_report(path, result)
    result.report = report(path, executed_at, result.seconds, kernel_version, crates)
    result.report["source_sha256"] = fingerprint
    result.report["claims"] = claims(nb)
    nb.metadata[REPORT_KEY] = result.report
    return result


def run_wrong_answer(client: NotebookClient, nb, stub_index: int, answer: WrongAnswer,
                     result: Execution, name: str, wrong_cells: set[int]) -> None:
    """Runs one wrong answer in the stub's place and judges what it printed.

    The cell is put into the notebook just after the stub while it runs
    (nbclient stores a cell's outputs back by index) and taken out again.
    It runs before the solution, so the solution's definitions are the last
    ones, as they are for a reader.
    """
    stub = nb.cells[stub_index]
    check_names = verdict_names(stub)[1]
    cell = nbformat.v4.new_code_cell(answer.source)
    wrong_cells.add(id(cell))
    nb.cells.insert(stub_index + 1, cell)
    t0 = time.monotonic()
    timed_out = False
    try:
        client.execute_cell(cell, stub_index + 1)
    except CellTimeoutError:
        timed_out = True
    finally:
        nb.cells.pop(stub_index + 1)
        seconds = time.monotonic() - t0
        result.wrong_answer_seconds += seconds
    if timed_out:
        problems = [Problem(name, "wrong-answer-broken",
                            f"{answer.where} ({answer.mistake}): ran past {WRONG_ANSWER_TIMEOUT} s; "
                            "a check must bound every wait on a learner's code", stub_index + 1)]
    else:
        problems = judge(answer, cell, check_names, name, stub_index + 1)
    result.problems += problems
    result.wrong_answers.append({
        "label": answer.label,
        "name": answer.name,
        "mistake": answer.mistake,
        "expect": answer.expect,
        # What rejected it: the check's ✘ lines, or the compiler's error.
        "fail_lines": fail_lines(cell) if not answer.compile_error else [
            line for line in (error_text(cell) or "").splitlines() if answer.expect in line][:1],
        "output": cell_text(cell)[-2000:],
        "seconds": round(seconds, 2),
        "problems": [str(p) for p in problems],
    })
    if timed_out:
        raise StopRun


def save_wrong_answer_report(path: Path, result: Execution) -> None:
    """What each wrong answer printed, for the reader of a test run."""
    if not result.wrong_answers:
        return
    WRONG_ANSWER_REPORTS.mkdir(parents=True, exist_ok=True)
    (WRONG_ANSWER_REPORTS / f"{path.stem}.json").write_text(json.dumps({
        "notebook": path.name,
        "seconds": round(result.wrong_answer_seconds, 1),
        "wrong_answers": result.wrong_answers,
    }, indent=2, ensure_ascii=False) + "\n")


def kernel_implementation_version(client: NotebookClient) -> str:
    """The running kernel's own version, from its kernel_info reply."""
    try:
        reply = client.wait_for_reply(client.kc.kernel_info())
        return str(reply["content"].get("implementation_version") or "unknown")
    except Exception as e:  # the report must never break a run
        return f"unknown ({type(e).__name__})"


def text_plain(cell) -> str:
    """The text/plain of a cell's rich outputs (what evcxr commands return)."""
    return "".join(
        "".join(out.get("data", {}).get("text/plain", ""))
        for out in cell.get("outputs", [])
        if out.get("output_type") in ("execute_result", "display_data")
    )


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
