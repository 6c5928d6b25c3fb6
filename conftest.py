"""Fixtures shared by the whole test suite."""

import os
from pathlib import Path

import pytest

# --- Browser tests ---------------------------------------------------------------------------
# Tests marked `browser` drive Debian's Chromium (apt-get install chromium) through Playwright's
# sync API. Playwright never downloads a browser here: the system one is launched by path, and
# the tests are skipped where it is not installed.

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config):
    _serve_one_request_at_a_time()


def _serve_one_request_at_a_time():
    """The live server answers one request at a time.

    On in-memory SQLite every request thread of Django's threaded live server shares the test's
    one connection, and two requests at once (a page and its XHRs: the page editor makes
    several) interleave their savepoints: «no such savepoint», a 500 now and then. A server
    without threads serves them in turn and closes each connection, as browsers cope with.
    """
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class OneRequestAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # LiveServerThread.run has already put the shared connections in its own thread,
            # which is the one that serves every request here.
            super().__init__(*args, **kwargs)

    LiveServerThread.server_class = OneRequestAtATime


def pytest_collection_modifyitems(config, items):
    _require_serialized_rollback(items)
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="Debian's Chromium is not installed: apt-get install chromium")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def _require_serialized_rollback(items):
    """Every transactional test restores the migrated rows: all of them, or none.

    Django empties the database after a transactional test. After one with serialized
    rollback it skips post_migrate, leaving no content types or groups for the next test,
    which restores them itself only if it is serialized too; after one without, post_migrate
    recreates the groups, and the next serialized test's restore collides with them. Mixing the
    two broke whichever test came second, depending on the order the tests ran in.
    """
    unserialized = []
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = marker.kwargs if marker else {}
        fixtures = getattr(item, "fixturenames", ())
        transactional = kwargs.get("transaction") or "transactional_db" in fixtures
        serialized = (
            kwargs.get("serialized_rollback") or "django_db_serialized_rollback" in fixtures
        )
        if transactional and not serialized:
            unserialized.append(item.nodeid)
    if unserialized:
        raise pytest.UsageError(
            "Transactional tests must use @pytest.mark.django_db(transaction=True, "
            "serialized_rollback=True):\n  " + "\n  ".join(unserialized)
        )


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an asyncio event loop in the test thread, and Django refuses
    # ORM calls from a thread with a running loop (SynchronousOnlyOperation). The test's own
    # database work is synchronous and the live server answers in its own thread, so the
    # check is a false alarm here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield _BrowserWithoutStrayRequests(browser)
        browser.close()


# Wagtail's page editor keeps an editing session: it pings the server while open and, when the
# page goes away, releases the session with navigator.sendBeacon. Closing a test's context
# fires that beacon, and it reaches the shared live server after the test has ended, while the
# database is being flushed for the next one: «database table is locked», rows left behind, a
# broken connection. Contexts opened here send no beacons (no test is about them), and the
# test settings space the pings out beyond any test's length.
_SILENCE_BEACONS = "Object.defineProperty(navigator, 'sendBeacon', {value: () => true});"


class _BrowserWithoutStrayRequests:
    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.add_init_script(_SILENCE_BEACONS)
        return context


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow")
    yield context.new_page()
    context.close()


# --- Tests of data migrations -------------------------------------------------------------------
# Such a test migrates back to the state before the migration and forward to the one after it;
# later migrations would stay unapplied, and the next tests of the worker would meet old tables.


@pytest.fixture
def latest_migrations(transactional_db):
    """Brings the schema back to the latest migrations after a test that moved it."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


# --- Wagtail's tree for transactional tests ----------------------------------------------------
# A transactional test (the browser tests, with a live server) empties the database when it
# ends, and the rows the migrations created (root page, home page, site, root collection, the default workflow)
# go with it. Tests that need them ask for this fixture, which puts back whatever is missing.


@pytest.fixture
def wagtail_site(transactional_db):
    from django.contrib.auth.models import Group
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        Locale,
        Page,
        Site,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    from home.models import HomePage

    if not Locale.objects.exists():
        Locale.objects.create(language_code="ru")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Главная", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    if not Workflow.objects.exists():
        # As Wagtail's migration 0048 leaves it: moderators approve pages from the root down.
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set(Group.objects.filter(name="Moderators"))
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=root)
    return home
