"""`python -m docket` runs the CLI, as the `docket` console script does."""

from docket.cli import main

raise SystemExit(main())
