"""Frozen entry point of the `kim` command (PyInstaller)."""

import sys

from kim_desktop.cli import main

sys.exit(main())
