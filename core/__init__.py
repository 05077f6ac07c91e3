"""asyncops core: the GUI-free job engine, store, operations and command line.

Nothing in this package imports Qt (tests/core/test_layers.py proves it).
"""

__version__ = "0.1.0"
