"""``python -m builder`` is the ``briefing`` command."""

import sys

from .cli import main

sys.exit(main())
