"""Readers that turn input files (text, HTML, JSON Lines, folders, stdin) into articles."""
