"""kim_desktop.storage package."""
