"""sync.client package."""
