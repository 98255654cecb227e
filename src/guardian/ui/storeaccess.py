"""Giving background tasks their own Store.

A Store (an SQLite connection) belongs to the thread that opened it, so a
task gets a factory and opens its own connection on the same database with
the same data key, inside the worker thread.  The key stays in memory; it
is never written anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from guardian.store.database import Store

StoreFactory = Callable[[], Store]


def reopener(store: Store) -> StoreFactory:
    """A factory for more connections to `store`'s database."""
    return store.reopen
