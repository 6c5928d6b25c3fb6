import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
# Set by the browser tests' fixture for Playwright's event loop; no deployment has it.
TEST_ONLY_VARIABLES = {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}


def production_environment(**variables) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_VARIABLES}
    return {**environment, **variables}


def deployment_check(environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--settings=settings.production",
            "--fail-level=WARNING",
        ],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist(tmp_path):
    environment = production_environment(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.school.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    result = deployment_check(environment)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_without_redis_warns_that_workers_do_not_share_the_cache(tmp_path):
    environment = production_environment(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.school.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    environment.pop("REDIS_URL", None)

    result = deployment_check(environment)

    assert result.returncode != 0
    assert "portal.W001" in result.stderr
    assert "REDIS_URL" in result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    environment.update(
        ALLOWED_HOSTS="portal.school.example", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings=settings.production"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_interface_is_russian_with_moscow_time():
    assert settings.LANGUAGE_CODE == "ru"
    assert settings.TIME_ZONE == "Europe/Moscow"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_waits_for_locks_and_writes_ahead():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        busy_timeout = cursor.fetchone()[0]
    assert busy_timeout >= 5000
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]


def test_sqlite_file_database_really_uses_wal(tmp_path):
    environment = production_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'office.sqlite3'}",
        DJANGO_SETTINGS_MODULE="settings.dev",
    )
    script = (
        "import django; django.setup();"
        "from django.db import connection;"
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode');"
        "print(cursor.fetchone()[0])"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "wal"


@pytest.mark.parametrize(
    "database_url", ["sqlite:///portal.sqlite3", "postgres://portal@db.example:5432/portal"]
)
def test_connections_outlive_a_request_on_either_database(database_url):
    # Reopening SQLite's file and its PRAGMAs cost more than /healthz itself.
    script = (
        "import django; django.setup();"
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['CONN_MAX_AGE'])"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=production_environment(
            DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="settings.dev"
        ),
        capture_output=True,
        text=True,
        check=True,
    )

    assert int(result.stdout.strip()) > 0


def read_settings(expression: str, **variables) -> subprocess.CompletedProcess:
    """Print `expression` (over `settings`) as settings.dev computes it from `variables`."""
    script = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=production_environment(DJANGO_SETTINGS_MODULE="settings.dev", **variables),
        capture_output=True,
        text=True,
        check=False,
    )


def test_admins_are_read_as_names_and_addresses():
    result = read_settings(
        "settings.ADMINS", ADMINS="Иван Петров <admin@school.example>, it@school.example"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        [("Иван Петров", "admin@school.example"), ("", "it@school.example")]
    )


def test_admins_that_are_not_addresses_stop_the_start_with_a_clear_message():
    result = read_settings("settings.ADMINS", ADMINS="admin")

    assert result.returncode != 0
    assert "ADMINS" in result.stderr and "Name <admin@school.ru>" in result.stderr


def test_production_with_admins_but_no_mail_server_warns_that_errors_go_nowhere(tmp_path):
    environment = production_environment(
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.school.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/0",
        ADMINS="admin@school.example",
        EMAIL_URL="consolemail://",
    )

    result = deployment_check(environment)

    assert result.returncode != 0
    assert "portal.W002" in result.stderr


def test_redis_url_gives_a_cache_that_fails_soft_and_does_not_wait_long():
    result = read_settings(
        "__import__('json').dumps([settings.CACHES['default'], settings.SESSION_ENGINE])",
        REDIS_URL="redis://127.0.0.1:1/0",
    )

    assert result.returncode == 0, result.stderr
    cache, session_engine = json.loads(result.stdout)
    assert cache["BACKEND"] == "portal.redis_cache.FailSoftRedisCache"
    assert cache["OPTIONS"]["socket_connect_timeout"] <= 2
    assert cache["OPTIONS"]["socket_timeout"] <= 2
    assert session_engine == "django.contrib.sessions.backends.db"


@pytest.mark.parametrize(("variables", "timeout"), [({}, "10"), ({"EMAIL_TIMEOUT": "3"}, "3")])
def test_smtp_connections_give_up_after_email_timeout(variables, timeout):
    result = read_settings(
        "__import__('django.core.mail').core.mail.get_connection().timeout",
        EMAIL_URL="smtp+tls://portal:secret@smtp.school.example:587",
        **variables,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == timeout
