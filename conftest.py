"""Test-session setup shared by the library tests and nbval.

nbval re-executes the reference notebooks; their exhibits must not overwrite outputs/, so the
kernels (which inherit this environment) write into a throw-away staging folder.
"""
import os
import tempfile

os.environ.setdefault("KOLAC_STAGING", tempfile.mkdtemp(prefix="kolac-nbval-"))
os.environ.setdefault("MPLBACKEND", "Agg")
