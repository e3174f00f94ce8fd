"""Entry point for `python -m gorgias_component.sandbox` (the same as `gorgias-component sandbox`)."""

import sys

from gorgias_component.sandbox.cli import main

sys.exit(main(prog="python -m gorgias_component.sandbox"))
