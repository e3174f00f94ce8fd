"""`python -m component`: the same command line as `gorgias-component`."""

import sys

from component.cli import main

sys.exit(main())
