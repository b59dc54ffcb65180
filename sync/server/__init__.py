"""sync.server package."""
