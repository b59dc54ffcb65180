"""kim_desktop.services package."""
