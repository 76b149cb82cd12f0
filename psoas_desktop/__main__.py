import sys

from psoas_desktop.cli import main

sys.exit(main())
