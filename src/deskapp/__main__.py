import sys

from deskapp.cli import main

sys.exit(main())
