"""Focused benchmarks, each run as ``python -m briefing_tools.benchmarks.<name>``."""
