"""`python3 -m analysis <subcommand>`."""
import sys

from .cli import main

sys.exit(main())
