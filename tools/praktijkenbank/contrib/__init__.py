"""Contributor tools: the command line (praktijkenbank ...), new records, fixes,
the issue form, GitHub annotations and statistics.
"""
