"""The desktop interface (the only package besides tasks that imports Qt)."""
