"""``python -m praktijkenbank``: the same command line as the ``praktijkenbank`` script (the Windows route uses it)."""

import sys

from .contrib.cli import main

sys.exit(main())
