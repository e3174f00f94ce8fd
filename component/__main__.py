"""`python -m component`: the same command line as the installed program."""

import sys

from component.cli import main

sys.exit(main())
