"""Frozen entry point of the desktop app (PyInstaller)."""

import sys

from kim_desktop.app import main

sys.exit(main())
