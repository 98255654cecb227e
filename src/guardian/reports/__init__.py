"""Findings out: the scan JSON, and (later) counsellor reports."""
