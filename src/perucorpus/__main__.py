"""``python -m perucorpus <command>``: see :mod:`perucorpus.cli`."""

from .cli import main

raise SystemExit(main())
