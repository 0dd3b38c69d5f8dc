import sys

from dadkhah.cli import main

sys.exit(main())
