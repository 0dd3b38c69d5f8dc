"""Routes of the workbench, one module per resource; each has a ``router``."""
