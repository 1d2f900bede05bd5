"""``python -m builder`` is the ``briefing`` command."""

import sys

from builder.cli import main

sys.exit(main())
