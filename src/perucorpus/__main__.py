"""``python -m perucorpus <command>``: see :mod:`perucorpus.cli`."""

from perucorpus.cli import main

raise SystemExit(main())
