"""Tasks shared among forked processes: the site's parts rendered and written on every core, not one.

Input: tasks (functions without arguments) and a number of jobs. Output: every task's result, in no set order.
This process forks jobs - 1 workers that share its memory copy-on-write (gc.freeze() first, so that their
garbage collector leaves it untouched). Process k does task k first (the largest come first), then each takes
the next task left. A worker sends back its results, or those it has and its error, which is then raised here;
an error here stops the workers after their task, and their results still come back (to be undone) before it is
raised. With one job, one task or without fork, the tasks run here, in order.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from .diagnostics import BuildError

Result = TypeVar("Result")


def share(tasks: Sequence[Callable[[], Result]], jobs: int) -> Iterator[Result]:
    """Yield the result of every task, done by jobs processes, this one among them."""
    if jobs < 2 or len(tasks) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (task() for task in tasks)
        return
    context = multiprocessing.get_context("fork")
    taken = context.Value("q", jobs)  # the tasks before it are each process's first
    workers: list[Worker] = []
    gc.collect()
    gc.freeze()
    try:
        for k in range(1, min(jobs, len(tasks))):
            workers.append(Worker(context, tasks, taken, k))
        yield from (task() for task in taken_tasks(tasks, taken, 0))
    except GeneratorExit:  # the caller stopped: the workers' tasks are of no use
        for worker in workers:
            worker.kill()
        raise
    except BaseException:
        stop(taken, len(tasks))
        for worker in workers:
            yield from results(worker)[0]  # done, to be undone by the caller with its own
        raise
    finally:
        gc.unfreeze()
    yield from gathered(workers)


def gathered(workers: list[Worker]) -> Iterator:
    """Yield every worker's results; then raise the first error of any."""
    errors = []
    for worker in workers:
        done, error = results(worker)
        yield from done
        errors += [error] if error else []
    if errors:
        raise errors[0]


def taken_tasks(tasks: Sequence[Callable[[], Result]], taken, first: int) -> Iterator[Callable[[], Result]]:
    """Yield task first, then the next task that no process has taken, until none is left."""
    n = first
    while n < len(tasks):
        yield tasks[n]
        with taken.get_lock():
            n = taken.value
            taken.value = n + 1


def stop(taken, total: int) -> None:
    """Leave no task for any process to take."""
    with taken.get_lock():
        taken.value = total


def results(worker: Worker) -> tuple[list, BaseException | None]:
    """Wait for the worker to finish; return its results and its error (a function of its own, so that it can be timed)."""
    return worker.results()


class Worker:
    """A forked process doing the tasks it takes, from task first on."""

    def __init__(self, context, tasks: Sequence[Callable], taken, first: int):
        self.receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=work, args=(tasks, taken, first, send), daemon=True)
        self.process.start()
        send.close()

    def results(self) -> tuple[list, BaseException | None]:
        """Return the worker's results once it is done, and the error that stopped it, if one did."""
        try:
            done, error = self.receive.recv()
        except EOFError:
            done, error = [], None
        finally:
            self.receive.close()
            self.process.join()
        if error is None and self.process.exitcode:
            error = BuildError(f"a process rendering and writing pages stopped without a word (exit code "
                               f"{self.process.exitcode}); nothing was changed")
        return done, error

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.receive.close()


def work(tasks: Sequence[Callable], taken, first: int, send) -> None:
    """In a worker: do the tasks it takes, then send their results and the error that stopped it, if one did."""
    done, error = [], None
    try:
        done += [task() for task in taken_tasks(tasks, taken, first)]
    except BaseException as caught:  # noqa: BLE001 - the main process raises it, as it would have raised it itself
        caught.add_note(f"In a worker process:\n{''.join(traceback.format_exception(caught)).rstrip()}")
        error = caught
    try:
        send.send((done, error))
    except Exception:  # noqa: BLE001 - an error that cannot be pickled: its text instead
        send.send((done, BuildError(repr(error))))
    finally:
        send.close()
