"""The pure core: loading, validation, matching, dialog engine, reasoning and reports.

Nothing in this package imports Textual or Rich (a test enforces it).
"""
