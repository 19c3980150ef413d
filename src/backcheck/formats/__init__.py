"""Readers for the files backcheck accepts (plain text, Markdown, HTML)."""
