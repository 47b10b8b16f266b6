"""`python3 -m supplysim <command>`: the same as `supplysim-analysis <command>`."""
import sys

from .cli import main

sys.exit(main())
