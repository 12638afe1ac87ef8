import sys

from cettar.cli import main

sys.exit(main())
