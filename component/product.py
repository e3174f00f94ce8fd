"""The names of the distribution the framework ships in: its program, settings, queue, Redis keys and data directory.

The one module of the framework that names the product; every other module uses these constants, so that the
framework itself names no product and renaming the distribution is editing this file. It imports nothing.
"""

from __future__ import annotations

__all__ = [
    "APP",
    "DATABASE_SETTING",
    "DATA_DIR",
    "DEFAULT_DATABASE",
    "DISTRIBUTION",
    "HOST_THREAD",
    "NAME",
    "PROG",
    "PUBLIC_URL_SETTING",
    "QUEUE",
    "REDIS_PREFIX",
    "REDIS_URL_SETTING",
    "SECRET_KEY_SETTING",
    "SETTING_PREFIX",
    "TOKEN_SETTING",
]

NAME = "gorgias"  # the product's short name
DISTRIBUTION = f"{NAME}-component"  # what pip installs, e.g. pip install 'gorgias-component[scale]'
PROG = DISTRIBUTION  # the command line program
APP = DISTRIBUTION.replace("-", "_")  # the Celery application's name (the importable package's)
QUEUE = DISTRIBUTION  # the Celery queue the host sends calls to and workers consume by default
REDIS_PREFIX = f"{DISTRIBUTION}:"  # the prefix of every Redis key of the shared budgets and tokens
HOST_THREAD = f"{NAME}-host"  # the name of the thread that runs the host's server in-process

SETTING_PREFIX = f"{NAME.upper()}_"  # every setting (environment variable) the product reads starts with it
REDIS_URL_SETTING = f"{SETTING_PREFIX}REDIS_URL"  # turns on the Redis budget and token stores
SECRET_KEY_SETTING = f"{SETTING_PREFIX}HOST_KEY"  # the Fernet key of secrets at rest: the host's store, shared tokens
TOKEN_SETTING = f"{SETTING_PREFIX}HOST_TOKEN"  # the bearer token every /api call of the host must send
DATABASE_SETTING = f"{SETTING_PREFIX}HOST_DATABASE"  # the host store's URL or path when `--database` is not given
PUBLIC_URL_SETTING = f"{SETTING_PREFIX}HOST_PUBLIC_URL"  # the address at which the API reaches the host

DATA_DIR = DISTRIBUTION  # the host's directory under ~/.local/share
DEFAULT_DATABASE = f"~/.local/share/{DATA_DIR}/host.db"  # the host's default SQLite file, as help texts write it
