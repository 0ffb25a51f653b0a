"""`python -m b24desk`: the same as the `b24desk` command."""

import sys

from b24desk.app import main

sys.exit(main())
