"""Settings packages: ``dev`` (default), ``test`` and ``production``."""
