"""``python -m pipeline ingest ...``"""

import sys

from pipeline.cli import entry

sys.exit(entry())
