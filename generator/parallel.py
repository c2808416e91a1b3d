"""MkDocs' build (mkdocs.commands.build.build) on several processes: the same site, byte for byte, in less time.

Input: a loaded MkDocs config and a number of jobs. Output: the site in config.site_dir, as MkDocs writes it.
The parent does what needs every page, in MkDocs' order: files, navigation, the front matter of the navigation's
pages and the titles of those that take it from their h1 (every page shows them), static files, the theme's
templates. Then it forks workers that read, render and write the pages, each taking the largest page left,
and forget every page once written. They send back each page's anchors and links to anchors, and what they
logged; the parent logs warnings in MkDocs' order, checks every anchor against all pages, and fails in strict
mode with MkDocs' message. With one job, with plugins (their events would run apart in each worker) or without
fork, it is MkDocs' own build.
Import it only through engine.load, which decides whether `mkdocs` means MkDocs or ProperDocs.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import time
from multiprocessing.connection import wait

from mkdocs.utils import CountHandler, clean_directory
from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from .memory import paused, trim

log = logging.getLogger(_populate_page.__module__)  # mkdocs.commands.build, or ProperDocs' own
TOP = log.name.partition(".")[0]  # the logger MkDocs counts warnings on in strict mode
READ, WRITE = 0, 1  # the two passes over the pages, in the order MkDocs logs them


def build(config, *, fallback, jobs: int = 1) -> None:
    """Build the site as fallback(config), MkDocs' own build, would, on jobs processes."""
    if jobs < 2 or list(config.plugins) or "fork" not in multiprocessing.get_all_start_methods():
        return fallback(config)
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger(TOP).addHandler(counter)
    try:
        start = time.monotonic()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        log.info("Cleaning site directory")
        clean_directory(config.site_dir)
        with paused():  # every page's objects live to the end of the build
            files, nav, env = gather(config)
        site = Site(config, files, nav, env)
        site.build(jobs)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            raise Abort(f"Aborted with {', '.join(f'{v} {k.lower()}s' for k, v in counts)} in strict mode!")
        log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds")
    except Exception as error:
        config.plugins.on_build_error(error=error)
        if isinstance(error, BuildError):
            log.error(str(error))
            raise Abort("Aborted with a BuildError!")
        raise
    finally:
        logging.getLogger(TOP).removeHandler(counter)


def gather(config):
    """Return the files, navigation and theme environment, as MkDocs gathers them before reading any page."""
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    for file in files.documentation_pages():
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
    return files, nav, env


class Site:
    """The pages of one build, and what the workers sent back about them."""

    def __init__(self, config, files, nav, env):
        self.config, self.files, self.nav, self.env = config, files, nav, env
        self.doc_files = files.documentation_pages()
        self.pages = [file.page for file in self.doc_files]
        self.warnings: list[tuple[tuple[int, int, int], logging.LogRecord]] = []

    def prepare(self) -> set[int]:
        """Read what every page shows of the navigation's pages (their front matter, and their titles, the h1
        where mkdocs.yml gives none) and finish the theme's environment; return the ids of the pages read whole."""
        in_nav, read = {id(page) for page in self.nav.pages}, set()
        for i, page in enumerate(self.pages):
            if id(page) in in_nav and "title" not in vars(page):
                self.read(i)
                read.add(id(page))
            elif id(page) in in_nav:
                page.read_source(self.config)  # the front matter only: a worker renders it
        self.env = self.config.plugins.on_env(self.env, config=self.config, files=self.files)
        return read

    def build(self, jobs: int) -> None:
        """Read the navigation's pages, write what is global, let jobs workers do the rest, then check anchors."""
        read = self.prepare()
        copy_static_files(self.files, self.config.docs_dir)
        for template in self.config.theme.static_templates:
            _build_theme_template(template, self.env, self.files, self.config, self.nav)
        for template in self.config.extra_templates:
            _build_extra_template(template, self.files, self.config, self.nav)
        sizes = [0 if id(page) in read else os.path.getsize(page.file.abs_src_path) for page in self.pages]
        order = sorted(range(len(self.pages)), key=lambda i: (-sizes[i], i))  # largest first: the workers end together
        try:
            self.run(jobs, order, read)
        finally:  # a worker's error too comes after the warnings before it, as in MkDocs' single process
            for _, record in sorted(self.warnings, key=lambda item: item[0]):
                logging.getLogger(record.name).handle(record)
        for file in self.doc_files:
            file.page.validate_anchor_links(files=self.files, log_level=self.config.validation.links.anchors)

    def read(self, i: int) -> None:
        """Read and render page i, as MkDocs' first pass does."""
        log.debug(f"Reading: {self.pages[i].file.src_uri}")
        _populate_page(self.pages[i], self.config, self.files)

    def write(self, i: int) -> None:
        """Write page i with the theme, as MkDocs' second pass does."""
        page = self.pages[i]
        _build_page(page, self.config, self.doc_files, self.nav, self.env, excluded=page.file.inclusion.is_excluded())

    def rebuild(self, uri: str) -> bool:
        """Read and write again the page of the docs file uri, with this build's files, navigation and theme;
        return False if the build had no such page."""
        file = self.files.get_file_from_path(uri)
        if file is None or file.page is None:
            return False
        i = self.doc_files.index(file)
        self.read(i)
        self.write(i)
        return True

    def run(self, jobs: int, order: list[int], read: set[int]) -> None:
        """Fork jobs workers over the pages in order and take in what they send until all are done."""
        gc.collect()
        trim()  # the workers start with the parent's memory: give back what the stages before freed
        context = multiprocessing.get_context("fork")
        taken = context.Value("q", 0)
        workers = []
        for _ in range(jobs):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(target=work, args=(self, order, taken, read, send), daemon=True)
            worker.start()
            send.close()
            workers.append((worker, receive))
        try:
            self.receive([receive for _, receive in workers])
        except BaseException:
            for worker, _ in workers:
                worker.kill()  # the build has failed: the other workers' pages are of no use
            raise
        finally:
            for worker, receive in workers:
                worker.join()
                receive.close()

    def receive(self, connections: list) -> None:
        """Take in each worker's pages until every worker has said it is done; raise what a worker raised."""
        open_ = list(connections)
        while open_:
            for connection in wait(open_):
                try:
                    message = connection.recv()
                except EOFError:
                    raise BuildError("a worker of the parallel build stopped without a word") from None
                if message is None:
                    open_.remove(connection)
                elif isinstance(message, BaseException):
                    raise message
                else:
                    self.take(*message)

    def take(self, i: int, anchors, records) -> None:
        """Keep what a worker found on page i: its anchors for the check, its warnings for later, the rest logged now."""
        page = self.pages[i]
        if anchors is not None:
            page.present_anchor_ids, links = anchors
            page.links_to_anchors = links and {self.files.get_file_from_path(uri): to for uri, to in links.items()}
        for key, record in records:
            if record.levelno >= logging.WARNING:
                self.warnings.append(((key, i, len(self.warnings)), record))
            else:
                logging.getLogger(record.name).handle(record)


def work(site: Site, order: list[int], taken, read: set[int], send) -> None:
    """In a worker: read and write the next page left until none is, sending back each page's anchors and logs."""
    capture = Capture()
    try:
        while (n := next_index(taken, len(order))) is not None:
            i = order[n]
            page = site.pages[i]
            fresh = id(page) not in read  # not read by the parent already
            capture.phase = READ
            if fresh:
                site.read(i)
            capture.phase = WRITE
            site.write(i)
            anchors = (page.present_anchor_ids, links(page)) if fresh else None
            if fresh:
                forget(page)
            send.send((i, anchors, capture.take()))
        send.send(None)
    except BaseException as error:  # noqa: BLE001 - the parent raises it, as MkDocs' single process would
        send.send((-1, None, capture.take()))
        send.send(error if picklable(error) else BuildError(repr(error)))
    finally:
        send.close()


def next_index(taken, total: int) -> int | None:
    """Take the next place in the order of pages, shared by all workers; None when every page is taken."""
    with taken.get_lock():
        n = taken.value
        taken.value = n + 1
    return n if n < total else None


def links(page) -> dict[str, dict[str, str]] | None:
    """Return the page's links to anchors by the linked page's path, which the parent can look up."""
    return page.links_to_anchors and {file.src_uri: anchors for file, anchors in page.links_to_anchors.items()}


def forget(page) -> None:
    """Drop a written page's text, HTML and contents: MkDocs keeps them to the end, a worker has no use for them."""
    page.markdown = page.content = page.present_anchor_ids = page.links_to_anchors = None
    page.toc = []


def picklable(error: BaseException) -> bool:
    try:
        pickle.dumps(error)
    except Exception:  # noqa: BLE001 - whatever stops it, the parent gets the error's text instead
        return False
    return True


class Capture(logging.Handler):
    """In a worker: take every record that would reach a handler, tagged with the pass it came from, for the parent."""

    def __init__(self):
        super().__init__()
        self.phase, self.records, self.last = READ, [], None
        loggers = [logging.root, *logging.root.manager.loggerDict.values()]
        for logger in loggers:
            if isinstance(logger, logging.Logger) and (logger.handlers or logger is logging.root):
                logger.handlers = [self]

    def emit(self, record):
        if record is self.last:  # a record passes every logger up to the root, and each had a handler
            return
        self.last = record
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
        self.records.append((self.phase, record))

    def take(self) -> list[tuple[int, logging.LogRecord]]:
        records, self.records = self.records, []
        return records


def copy_static_files(files, docs_dir: str) -> None:
    """Copy the static files into the site as MkDocs does, but link those of the docs folder where the site is on
    the same file system: the same bytes, without writing the search, finder and open-data files (~20 KB an offer)
    a second time. Safe because the generator never changes a docs file in place (write.py renames a new file over
    it), so a site's link keeps the bytes it was built with; files from elsewhere (the theme's) are copied."""
    docs = os.path.join(os.path.abspath(docs_dir), "")
    for file in files:
        if file.is_documentation_page() or not file.inclusion.is_included():
            continue  # as MkDocs' Files.copy_static_files
        if file._content is None and file.abs_src_path and file.abs_src_path.startswith(docs):
            os.makedirs(os.path.dirname(file.abs_dest_path), exist_ok=True)
            try:
                os.link(file.abs_src_path, file.abs_dest_path)
                continue
            except OSError:  # another file system, or one without links: copy, as MkDocs does
                pass
        file.copy_file()
