"""Information extraction from Arabic news."""
__version__ = "0.1.0"
