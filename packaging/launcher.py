"""Entry point of the frozen app.

PyInstaller freezes a script, not a console-script entry point; this is
`guardian = guardian.__main__:main` as a script, kept outside the package so
that src/guardian/ is not put on the frozen app's module path.
"""

import multiprocessing
import sys

from guardian.cli import main

if __name__ == "__main__":
    # A big import starts worker processes (guardian.split_import) from
    # this executable; in them, this runs the worker instead of the app.
    multiprocessing.freeze_support()
    sys.exit(main())
