"""kim_desktop.domain package."""
