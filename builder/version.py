"""The package version: in the extraction cache key and the generator of the feeds."""

__version__ = "0.1.0"
