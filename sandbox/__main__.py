"""Entry point for `python -m sandbox`."""

import sys

from gorgias_component.sandbox.cli import main

sys.exit(main())
